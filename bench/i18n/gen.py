# Writes a/src/main.rs, b/src/main.rs and b/locales/*.json from the 80 strings in strings.py.
import json
exec(open('strings.py').read())
def rs(s): return json.dumps(s, ensure_ascii=False)
interp = [k for k,e,v in S if '{n}' in e]
groups = [S[i:i+10] for i in range(0, 80, 10)]

# ---------- A ----------
a = ['use leptos::prelude::*;', '',
     '/// All UI strings of the app, one field per label.',
     'pub struct Strings {']
a += [f'    pub {k}: &\'static str,' for k,_,_ in S]
a += ['}', '']
for name, idx in (('EN', 1), ('VI', 2)):
    a.append(f'pub static {name}: Strings = Strings {{')
    a += [f'    {s[0]}: {rs(s[idx])},' for s in S]
    a += ['};', '']
a += ['''fn page_lang() -> String {
    document()
        .document_element()
        .and_then(|el| el.get_attribute("lang"))
        .unwrap_or_default()
}

fn strings_for(lang: &str) -> &'static Strings {
    if lang.starts_with("vi") { &VI } else { &EN }
}

fn fill(template: &'static str, n: u32) -> String {
    template.replace("{n}", &n.to_string())
}

#[component]
fn App() -> impl IntoView {
    let s = strings_for(&page_lang());
    let (n, set_n) = signal(3u32);
    view! {
        <main>''']
for g in groups:
    a.append('            <section>')
    for k,e,v in g:
        if k in interp:
            a.append(f'                <p>{{move || fill(s.{k}, n.get())}}</p>')
        else:
            a.append(f'                <p>{{s.{k}}}</p>')
    a.append('            </section>')
a += ['''            <button on:click=move |_| set_n.update(|x| *x += 1)>"+"</button>
        </main>
    }
}

fn main() {
    leptos::mount::hydrate_body(App);
}''']
open('a/src/main.rs','w').write('\n'.join(a) + '\n')

# ---------- B ----------
for loc, idx in (('en',1),('vi',2)):
    d = {k: (s[idx].replace('{n}', '{{ n }}')) for s in S for k in [s[0]]}
    json.dump(d, open(f'b/locales/{loc}.json','w'), ensure_ascii=False, indent=2)
b = ['''use std::str::FromStr;

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
use i18n::*;

fn page_lang() -> String {
    document()
        .document_element()
        .and_then(|el| el.get_attribute("lang"))
        .unwrap_or_default()
}

#[component]
fn App() -> impl IntoView {
    // Read before the provider can touch <html lang>.
    let locale = Locale::from_str(&page_lang()).unwrap_or_default();
    view! {
        <I18nContextProvider>
            <Page locale />
        </I18nContextProvider>
    }
}

#[component]
fn Page(locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    i18n.set_locale(locale);
    let (n, set_n) = signal(3u32);
    view! {
        <main>''']
for g in groups:
    b.append('            <section>')
    for k,e,v in g:
        if k in interp:
            b.append(f'                <p>{{t!(i18n, {k}, n = move || n.get())}}</p>')
        else:
            b.append(f'                <p>{{t!(i18n, {k})}}</p>')
    b.append('            </section>')
b += ['''            <button on:click=move |_| set_n.update(|x| *x += 1)>"+"</button>
        </main>
    }
}

fn main() {
    leptos::mount::hydrate_body(App);
}''']
open('b/src/main.rs','w').write('\n'.join(b) + '\n')
