//! Time and number formatting in the seed portal's own conventions.
//!
//! Times are stored as RFC 3339 strings and shown as `dd/MM/yyyy | HH:mm` in the site's timezone,
//! whatever the reader's own; counts use the Vietnamese thousands separator (`1.234`). All of it is
//! plain arithmetic so that it is tested natively and adds nothing to the `.wasm` but a few
//! functions.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A fixed offset from UTC, such as `+07:00`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UtcOffset {
    minutes: i32,
}

impl UtcOffset {
    /// Builds an offset from whole minutes east of UTC.
    pub const fn from_minutes(minutes: i32) -> Self {
        Self { minutes }
    }

    /// Minutes east of UTC.
    pub const fn minutes(self) -> i32 {
        self.minutes
    }

    /// Parses `+07:00`, `-03:30`, `+0700` or `Z`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text == "Z" || text == "z" {
            return Some(Self::default());
        }
        let (sign, rest) = match text.as_bytes().first()? {
            b'+' => (1, &text[1..]),
            b'-' => (-1, &text[1..]),
            _ => return None,
        };
        // `get`, not indexing: the text comes from a content file and may be any characters.
        let (hours, minutes) = match rest.len() {
            5 if rest.as_bytes()[2] == b':' => (rest.get(..2)?, rest.get(3..)?),
            4 => (rest.get(..2)?, rest.get(2..)?),
            _ => return None,
        };
        let hours = two_digits(hours)? as i32;
        let minutes = two_digits(minutes)? as i32;
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(Self::from_minutes(sign * (hours * 60 + minutes)))
    }
}

impl fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let abs = self.minutes.abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

impl Serialize for UtcOffset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for UtcOffset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "timezone \"{text}\" is not an offset such as \"+07:00\""
            ))
        })
    }
}

/// An instant, kept as seconds since the Unix epoch, read from and written as RFC 3339.
/// Two timestamps are equal when they are the same instant, whatever offset they were written in.
#[derive(Clone, Copy, Debug)]
pub struct Timestamp {
    seconds: i64,
    /// The offset the source wrote it in, kept so that a round trip writes the same text.
    written_in: UtcOffset,
}

impl Timestamp {
    /// The instant `seconds` after the epoch, written in UTC.
    pub const fn from_unix(seconds: i64) -> Self {
        Self {
            seconds,
            written_in: UtcOffset::from_minutes(0),
        }
    }

    /// Seconds since the Unix epoch.
    pub const fn unix(self) -> i64 {
        self.seconds
    }

    /// The same instant, to be written in `offset`.
    pub const fn written_in(self, offset: UtcOffset) -> Self {
        Self {
            seconds: self.seconds,
            written_in: offset,
        }
    }

    /// Parses `2020-07-19T18:40:00+07:00` (seconds optional, `Z` or an offset required).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() < 17 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
            return None;
        }
        if !matches!(bytes[10], b'T' | b't' | b' ') {
            return None;
        }
        let year = text.get(..4)?.parse::<i64>().ok()?;
        let month = two_digits(text.get(5..7)?)?;
        let day = two_digits(text.get(8..10)?)?;
        let hour = two_digits(text.get(11..13)?)?;
        let minute = two_digits(text.get(14..16)?)?;
        let mut rest = text.get(16..)?;
        let mut second = 0;
        if let Some(after) = rest.strip_prefix(':') {
            second = two_digits(after.get(..2)?)?;
            rest = &after[2..];
            if let Some(fraction) = rest.strip_prefix('.') {
                let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return None;
                }
                rest = &fraction[digits..];
            }
        }
        let offset = UtcOffset::parse(rest)?;
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        let local = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
        let seconds = local - i64::from(offset.minutes()) * 60;
        // Only instants that every offset can write with a four-digit year: in its first and
        // last day, an instant of year 0000 or 9999 would be written as year -1 or 10000 at some
        // offset, which nothing reads back.
        let edge = 86_400;
        let first = days_from_civil(0, 1, 1) * 86_400 + edge;
        let last = days_from_civil(9999, 12, 31) * 86_400;
        if !(first..last).contains(&seconds) {
            return None;
        }
        Some(Self {
            seconds,
            written_in: offset,
        })
    }

    /// The wall-clock date and time of this instant at `offset`.
    pub fn civil(self, offset: UtcOffset) -> Civil {
        let local = self.seconds + i64::from(offset.minutes()) * 60;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs % 3600 / 60) as u32,
            second: (secs % 60) as u32,
        }
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.seconds == other.seconds
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.seconds.cmp(&other.seconds)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.civil(self.written_in);
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
            c.year, c.month, c.day, c.hour, c.minute, c.second, self.written_in
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "time \"{text}\" is not RFC 3339, such as \"2020-07-19T18:40:00+07:00\""
            ))
        })
    }
}

/// A wall-clock date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// `2020-07-19T18:40:00+07:00`, for `<time datetime>`.
pub fn machine(at: Timestamp, offset: UtcOffset) -> String {
    at.written_in(offset).to_string()
}

/// Minutes a reader needs for `words` words, at a pace suited to Vietnamese news prose; at least 1.
pub fn reading_minutes(words: usize) -> usize {
    const WORDS_PER_MINUTE: usize = 220;
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

fn two_digits(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(u32::from(bytes[0] - b'0') * 10 + u32::from(bytes[1] - b'0'))
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HANOI: UtcOffset = UtcOffset::from_minutes(7 * 60);

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap_or_else(|| panic!("{text} should parse"))
    }

    fn vi() -> &'static crate::strings::Strings {
        crate::strings::for_language("vi").unwrap()
    }

    fn date_time(at: Timestamp, offset: UtcOffset) -> String {
        vi().date_time(at.civil(offset))
    }

    fn en_date_time(at: Timestamp, offset: UtcOffset) -> String {
        crate::strings::for_language("en")
            .unwrap()
            .date_time(at.civil(offset))
    }

    // The seed's own meta line, from the time its JSON carries.
    #[test]
    fn formats_the_seed_publication_time_as_the_portal_did() {
        assert_eq!(
            date_time(at("2020-07-19T18:40:00+07:00"), HANOI),
            "19/07/2020 | 18:40"
        );
    }

    // A reader in another timezone still sees Hanoi time.
    #[test]
    fn shows_times_in_the_site_timezone_whatever_they_were_written_in() {
        let utc = at("2020-07-19T11:40:00Z");
        assert_eq!(date_time(utc, HANOI), "19/07/2020 | 18:40");
        let late = at("2020-12-31T20:30:00-05:00");
        assert_eq!(date_time(late, HANOI), "01/01/2021 | 08:30");
        assert_eq!(
            date_time(late, UtcOffset::from_minutes(-5 * 60)),
            "31/12/2020 | 20:30"
        );
    }

    #[test]
    fn uses_a_24_hour_clock_with_leading_zeros() {
        assert_eq!(
            date_time(at("2021-03-04T00:05:00+07:00"), HANOI),
            "04/03/2021 | 00:05"
        );
        assert_eq!(
            date_time(at("2021-03-04T23:59:59+07:00"), HANOI),
            "04/03/2021 | 23:59"
        );
        assert_eq!(
            en_date_time(at("2021-03-04T23:59:59+07:00"), HANOI),
            "4 March 2021, 23:59"
        );
    }

    // An English site in Hanoi time shows Hanoi's date, whatever the reader's clock says.
    #[test]
    fn english_dates_follow_the_site_timezone_too() {
        assert_eq!(
            en_date_time(at("2020-07-19T18:40:00+07:00"), HANOI),
            "19 July 2020, 18:40"
        );
        assert_eq!(
            en_date_time(at("2020-12-31T20:30:00-05:00"), HANOI),
            "1 January 2021, 08:30"
        );
    }

    #[test]
    fn parses_the_rfc3339_forms_feeds_send() {
        let base = at("2020-07-19T18:40:00+07:00");
        assert_eq!(at("2020-07-19T18:40+07:00"), base);
        assert_eq!(at("2020-07-19T11:40:00.250Z").unix(), base.unix());
        assert_eq!(at("2020-07-19 18:40:00+0700").unix(), base.unix());
        assert_eq!(base.unix(), 1_595_158_800);
    }

    #[test]
    fn rejects_times_that_are_not_rfc3339() {
        for bad in [
            "",
            "19/07/2020 18:40",
            "2020-07-19",
            "2020-07-19T18:40:00",
            "2020-13-01T00:00:00Z",
            "2021-02-29T00:00:00Z",
            "2020-07-19T24:00:00Z",
            "2020-07-19T18:40:00+25:00",
            "2020-07-19T18:40:00.Z",
            "2020-07-19T18:4x:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad:?} should not parse");
        }
        assert!(Timestamp::parse("2020-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn round_trips_through_json_in_the_offset_it_was_written() {
        let json = "\"2020-07-19T18:40:00+07:00\"";
        let parsed: Timestamp = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
        let err = serde_json::from_str::<Timestamp>("\"yesterday\"").unwrap_err();
        assert!(err.to_string().contains("yesterday"), "{err}");
    }

    #[test]
    fn civil_dates_agree_with_the_calendar_across_centuries() {
        for (text, unix) in [
            ("1970-01-01T00:00:00Z", 0),
            ("1969-12-31T23:59:59Z", -1),
            ("2000-02-29T12:00:00Z", 951_825_600),
            ("2100-03-01T00:00:00Z", 4_107_542_400),
        ] {
            let t = at(text);
            assert_eq!(t.unix(), unix, "{text}");
            assert_eq!(t.to_string().replace("+00:00", "Z"), text);
        }
    }

    // Found by tests/fuzz.rs: 9999-12-31 late in the day, written at an offset east of it, was
    // year 10000, which no reader reads back.
    #[test]
    fn refuses_instants_some_offset_could_not_write_back() {
        assert!(Timestamp::parse("9999-12-31T23:00:00+00:00").is_none());
        assert!(Timestamp::parse("0000-01-01T01:00:00+00:00").is_none());
        let late = Timestamp::parse("9999-12-30T09:59:59-14:00").unwrap();
        let written = machine(late, UtcOffset::from_minutes(14 * 60));
        assert_eq!(Timestamp::parse(&written).unwrap().unix(), late.unix());
    }

    // Found by tests/fuzz.rs: an offset of four bytes that are not four characters.
    #[test]
    fn refuses_offsets_of_other_characters_without_panicking() {
        for text in ["+𐀀", "-Đa", "+0Đ", "+07:Đ"] {
            assert_eq!(UtcOffset::parse(text), None, "{text}");
            assert_eq!(
                Timestamp::parse(&format!("2020-07-19T18:40:00{text}")),
                None
            );
        }
    }

    #[test]
    fn parses_and_writes_offsets() {
        assert_eq!(UtcOffset::parse("+07:00"), Some(HANOI));
        assert_eq!(UtcOffset::parse("+0700"), Some(HANOI));
        assert_eq!(UtcOffset::parse("Z"), Some(UtcOffset::default()));
        assert_eq!(
            UtcOffset::parse("-03:30"),
            Some(UtcOffset::from_minutes(-210))
        );
        assert_eq!(UtcOffset::from_minutes(-210).to_string(), "-03:30");
        for bad in ["07:00", "+7", "+24:00", "+07:60", "UTC+7"] {
            assert_eq!(UtcOffset::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn groups_counts_with_each_language_s_separator() {
        let count = |n| vi().count(n);
        assert_eq!(count(0), "0");
        assert_eq!(count(174), "174");
        assert_eq!(count(1234), "1.234");
        assert_eq!(count(100_000), "100.000");
        assert_eq!(count(1_234_567), "1.234.567");
        assert_eq!(count(u64::MAX), "18.446.744.073.709.551.615");
        let en = crate::strings::for_language("en").unwrap();
        assert_eq!(en.count(174), "174");
        assert_eq!(en.count(100_000), "100,000");
        assert_eq!(en.count(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn reading_time_is_at_least_a_minute_and_rounds_up() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(220), 1);
        assert_eq!(reading_minutes(221), 2);
        assert_eq!(reading_minutes(2000), 10);
    }
}
