//! One module per view.

mod home;

pub use home::Home;
