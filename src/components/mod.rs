//! Reusable view pieces.

mod messages;

pub use messages::Messages;
