//! The services CSV and the plan CSV for spreadsheet users (Excel, including Japanese
//! Excel), and reading the services CSV back ([`preview`]).
//!
//! [`services_csv`] writes UTF-8 with a byte order mark (so Japanese Excel does not
//! read the file as Shift_JIS), CRLF line ends (also after the last row) and RFC 4180
//! quoting. The first row is the header, then one row per service: every service of
//! the catalogue and every custom service, in catalogue order (custom services after
//! the built-in ones of their category), whether or not anything is decided for it.
//! Entries for ids the catalogue does not know come last, so no data is ever dropped.
//!
//! | column     | meaning                                                                  |
//! |------------|--------------------------------------------------------------------------|
//! | `id`       | service id (`A-1`, ..., custom ids such as `I-8`)                        |
//! | `category` | category id (`A`..`I`); empty for an id the catalogue does not know      |
//! | `name_ja`  | Japanese service name                                                    |
//! | `name_en`  | English service name                                                     |
//! | `level`    | recommendation level as in the exchange format: `basic`, `standard`, `advanced`, `optional`, `not_required`; empty when not decided |
//! | `sourcing` | `insource` or `outsource`; empty when not decided                        |
//! | `provider` | who provides an outsourced service; may be empty                         |
//! | `current`  | score today: `1`..`5`, `n/a`, or empty when not assessed yet             |
//! | `target`   | score aimed for: `1`..`5`, `n/a`, or empty when not assessed yet         |
//! | `gap`      | `target - current` (e.g. `2`, `0`, `-1`) when both are ratings, else empty |
//! | `note`     | free text note; may hold commas, quotes and line breaks (quoted)         |
//! | `evidence_count` | how many evidence items the service lists (`0` when none)          |
//! | `evidence_titles` | the items' titles, one per line (a line feed between two)         |
//!
//! The import reads neither evidence column (like `gap`, they are computed): evidence
//! goes out and comes back whole only in the exchange format.
//!
//! Spreadsheet formula injection (OWASP "CSV Injection"): a text cell (names, provider,
//! note, evidence titles) that begins with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` so the
//! spreadsheet shows it as text instead of evaluating it. Built-in names never begin
//! with those characters, so in practice only user text is changed. Cells computed
//! here (ids, codes, scores, gap) are never prefixed: a gap of `-1` stays a number.
//! Text beginning with `'` is prefixed too, so that the import, which takes one `'`
//! off before those characters and before `'`, reads back exactly the text written.
//!
//! [`services_csv_in`] with [`Lang::Ja`] writes the same layout with Japanese headers
//! (`ID`, `カテゴリー`, `サービス名（日本語）`, `サービス名（英語）`, `推奨レベル`, `実施形態`,
//! `委託先`, `現在`, `目標`, `ギャップ`, `メモ`, `エビデンス件数`, `エビデンスのタイトル`) and Japanese words (`ベーシック`, `内製`,
//! `適用外`). The import reads either, and either language's words in any cell
//! ([`words`]), from a file in UTF-8 or Shift_JIS ([`decode`] weighs both readings).

mod change;
mod encoding;
mod error;
mod import;
mod read;
pub mod words;
mod write;

pub use change::{apply, revert, undoable, CsvChange, CsvField, CsvUndo, FieldValue};
pub use encoding::{choose, decode, wants_shift_jis, Decoded, Encoding};
pub use error::{column_letters, CsvError, CsvProblem, CsvProblemKind, Heading, MAX_PROBLEMS};
pub use import::{preview, read_update, unguard, utf8_text, CsvPreview, CsvUpdate};
pub use read::{records, records_until_error, Record, SyntaxError, SyntaxErrorKind};
pub use write::{csv_row, plan_csv, services_csv, services_csv_in, text_cell};

use write::FORMULA_CHARS;
