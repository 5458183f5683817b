//! The dataset schema: what `atlas-data/*.ron` holds. `atlas-data/SCHEMA.md` documents every
//! field for people who edit the file by hand; keep the two in step.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;

/// A whole atlas: one RON file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Atlas {
    #[serde(default)]
    pub meta: Meta,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub stories: Vec<Story>,
    #[serde(default)]
    pub glossary: Vec<GlossaryTerm>,
}

/// What the dataset is, for the title bar and the about box.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Meta {
    pub title: String,
    pub edition: String,
    pub license: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
}

/// Where a fact comes from. Only http(s) URLs are opened by the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    pub url: String,
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// A caveat about the page, e.g. that it was read on a mirror.
    #[serde(default)]
    pub note: Option<String>,
    /// What kind of page it is, which says how far it can be trusted on its own.
    #[serde(default)]
    pub kind: Option<SourceKind>,
    /// When the page (or a verified fact sheet quoting it) was last checked against the records
    /// that cite it.
    #[serde(default)]
    pub checked: Option<PartialDate>,
}

/// What kind of page a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    /// An official text or a government page (a law in its journal, a ministry's release).
    Official,
    /// A page of an international body (UN, OECD, EU institutions' joint bodies, a standards body).
    International,
    /// A news report.
    Press,
    /// Analysis: think tanks, academic papers, law-firm and consultancy notes.
    Analysis,
    /// A mirror, an aggregator or a study aid repeating another page.
    Mirror,
}

/// A node of the graph: a state, a post, an organisation, a company, an instrument…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    /// Other names, acronyms, and the name in its own script.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the state it belongs to, where one applies.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub summary: String,
    /// Where a post or office sits (a city), as free text.
    #[serde(default)]
    pub based_in: Option<String>,
    /// When it was founded, created or adopted.
    #[serde(default)]
    pub founded: Option<PartialDate>,
    /// For envoy posts: who held the post and when.
    #[serde(default)]
    pub holders: Vec<Holder>,
    pub sources: Vec<String>,
}

/// A person who held an envoy post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    pub name: String,
    #[serde(default)]
    pub from: Option<PartialDate>,
    #[serde(default)]
    pub until: Option<PartialDate>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActorKind {
    State,
    /// A regional or political bloc such as the EU or ASEAN.
    Bloc,
    InternationalOrganisation,
    Forum,
    StandardsBody,
    Company,
    CivilSociety,
    Academia,
    /// A tech-ambassador, digital-envoy or cyber-envoy post (holders listed on the actor).
    Envoy,
    /// A ministry unit, agency or government office that is not itself an envoy post.
    GovernmentBody,
    /// A rule or text: a regulation, an agreement, a standard, principles…
    Instrument(InstrumentKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InstrumentKind {
    Regulation,
    Directive,
    Law,
    Agreement,
    Treaty,
    Standard,
    Principles,
    Declaration,
    Strategy,
    ExportControl,
    /// A court ruling, adequacy decision or security decision.
    Decision,
    Report,
}

/// A directed, typed edge between two actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Optional; messages about an unnamed relation cite its position and ends.
    #[serde(default)]
    pub id: Option<String>,
    pub from: String,
    pub to: String,
    pub kind: RelationKind,
    #[serde(default)]
    pub since: Option<PartialDate>,
    #[serde(default)]
    pub until: Option<PartialDate>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    /// A state or body appoints an envoy post.
    Appoints,
    MemberOf,
    /// An observer, dialogue partner or guest rather than a full member.
    ObserverOf,
    Founded,
    /// A legislator or government enacts an instrument.
    Enacts,
    Proposes,
    /// Adopts or endorses an instrument it did not write.
    Adopts,
    PartyTo,
    Signs,
    ModelledOn,
    Implements,
    Supersedes,
    Invalidates,
    Restricts,
    Targets,
    PartnersWith,
    Hosts,
    BasedIn,
    ParticipatesIn,
    Leads,
    Rivals,
}

impl RelationKind {
    /// Symmetric kinds have no arrow; the others read "from → to".
    pub fn is_directed(self) -> bool {
        !matches!(self, RelationKind::PartnersWith | RelationKind::Rivals)
    }
}

/// A dated milestone on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// The actors the event concerns (at least one).
    pub actors: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    Appointment,
    Regulation,
    Agreement,
    ExportControl,
    Summit,
    Founding,
    Statement,
    Strategy,
    Ruling,
    Standard,
    Membership,
    Report,
}

/// A guided walk through the atlas for workshops.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub steps: Vec<StoryStep>,
    /// Discussion questions shown after the last step.
    #[serde(default)]
    pub questions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub focus: Vec<String>,
    /// Where the time cursor goes for this step; none leaves it at the present.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Show the world map at this step (false leaves the view as it is).
    #[serde(default, skip_serializing_if = "is_false")]
    pub map: bool,
    /// Speaker notes for the presenter's screen; never shown to the audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub term: String,
    pub definition: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Other glossary terms worth reading next.
    #[serde(default)]
    pub see_also: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}
