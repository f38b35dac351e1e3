//! One module per view.

mod catalogue;
mod dashboard;
mod home;
mod portfolio;
mod profile;

pub use catalogue::Catalogue;
pub use dashboard::Dashboard;
pub use home::Home;
pub use portfolio::Portfolio;
pub use profile::Profile;
