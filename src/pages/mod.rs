//! One module per view.

mod catalogue;
mod dashboard;
mod evaluation;
mod home;
mod plan;
mod portfolio;
mod profile;

pub use catalogue::Catalogue;
pub use dashboard::Dashboard;
pub use evaluation::Evaluation;
pub use home::Home;
pub use plan::Plan;
pub use portfolio::Portfolio;
pub use profile::Profile;
