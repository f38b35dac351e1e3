//! Home: what X.1060 is for (on a first visit), the stored assessments, the active
//! one, creating, importing, the sample, backups, damaged entries and the trash.

mod active;
mod cards;
mod incoming;
mod intro;
mod list;
mod stored;

use leptos::prelude::*;

use active::ActiveCard;
use cards::{BackupCard, CreateForm, ImportCard, QuickStartCard, SampleCard};
use incoming::{RestorePreview, SharePreview};
use intro::Intro;
use list::AssessmentList;
use stored::{TrashList, UnreadableList};

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="home" data-view="home">
            <Intro />
            <AssessmentList />
            <ActiveCard />
            <SharePreview />
            <RestorePreview />
            <div class="cards">
                <QuickStartCard />
                <CreateForm />
                <ImportCard />
                <SampleCard />
                <BackupCard />
            </div>
            <UnreadableList />
            <TrashList />
        </section>
    }
}
