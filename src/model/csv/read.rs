//! Reading CSV text into records (RFC 4180, read leniently where spreadsheets differ):
//! records end with CRLF, LF or a lone CR, the last one with or without a line end;
//! a field in double quotes may hold commas, quotes (doubled) and line ends; a quote
//! inside an unquoted field is kept as text. Each record carries its row number as a
//! spreadsheet shows it (the header is row 1), whatever line ends its quoted fields hold.

/// One record of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The row number as a spreadsheet shows it: 1 for the first record.
    pub row: usize,
    pub cells: Vec<String>,
}

impl Record {
    /// Whether every cell is empty (a spreadsheet writes such rows below the data).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// Why the text is not CSV: where (row and column, from 1) and what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub row: usize,
    pub column: usize,
    pub kind: SyntaxErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// A quoted field that starts here has no closing quote.
    UnclosedQuote,
    /// Text follows the closing quote of a field (a lone `"` inside a quoted field).
    TextAfterQuote,
}

/// The records of `text` (a leading byte order mark is skipped).
pub fn records(text: &str) -> Result<Vec<Record>, SyntaxError> {
    match records_until_error(text) {
        (records, None) => Ok(records),
        (_, Some(e)) => Err(e),
    }
}

/// The records of `text` up to the first syntax error, and that error: the records
/// before a broken cell name its column.
pub fn records_until_error(text: &str) -> (Vec<Record>, Option<SyntaxError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let row = |out: &Vec<Record>| out.len() + 1;
    // Whether the current record has begun (a line end ends it even when empty).
    let mut started = false;
    while let Some(c) = chars.next() {
        started = true;
        match c {
            '"' if cell.is_empty() => {
                let column = cells.len() + 1;
                let at = |kind| SyntaxError { row: out.len() + 1, column, kind };
                loop {
                    match chars.next() {
                        None => {
                            let e = at(SyntaxErrorKind::UnclosedQuote);
                            return (out, Some(e));
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(other) => cell.push(other),
                    }
                }
                if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                    let e = at(SyntaxErrorKind::TextAfterQuote);
                    return (out, Some(e));
                }
            }
            ',' => cells.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut cell));
                out.push(Record { row: row(&out), cells: std::mem::take(&mut cells) });
                started = false;
            }
            other => cell.push(other),
        }
    }
    if started {
        cells.push(cell);
        out.push(Record { row: row(&out), cells });
    }
    (out, None)
}
