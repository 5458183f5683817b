//! Human names of the enum values, shared by the UI, the CLI and the exports.

use super::schema::{ActorKind, EventKind, InstrumentKind, RelationKind};

impl ActorKind {
    /// Every kind except the instrument sub-kinds, in legend order.
    pub const BASE: [ActorKind; 10] = [
        ActorKind::State,
        ActorKind::Bloc,
        ActorKind::InternationalOrganisation,
        ActorKind::Forum,
        ActorKind::StandardsBody,
        ActorKind::Company,
        ActorKind::CivilSociety,
        ActorKind::Academia,
        ActorKind::Envoy,
        ActorKind::GovernmentBody,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::Bloc => "Bloc",
            ActorKind::InternationalOrganisation => "International organisation",
            ActorKind::Forum => "Forum",
            ActorKind::StandardsBody => "Standards body",
            ActorKind::Company => "Company",
            ActorKind::CivilSociety => "Civil society",
            ActorKind::Academia => "Academia",
            ActorKind::Envoy => "Envoy post",
            ActorKind::GovernmentBody => "Government body",
            ActorKind::Instrument(_) => "Instrument",
        }
    }

    /// The kind with instrument sub-kinds folded into one, for legends and filters.
    pub fn family(self) -> ActorKind {
        match self {
            ActorKind::Instrument(_) => ActorKind::Instrument(InstrumentKind::Regulation),
            other => other,
        }
    }

    /// Families in legend order, instruments last.
    pub fn families() -> impl Iterator<Item = ActorKind> {
        Self::BASE
            .into_iter()
            .chain(std::iter::once(ActorKind::Instrument(
                InstrumentKind::Regulation,
            )))
    }

    /// A stable name for files and tables: `State`, `Instrument/Regulation`.
    pub fn code(self) -> String {
        match self {
            ActorKind::Instrument(sub) => format!("Instrument/{sub:?}"),
            other => format!("{other:?}"),
        }
    }
}

impl InstrumentKind {
    pub fn label(self) -> &'static str {
        match self {
            InstrumentKind::Regulation => "Regulation",
            InstrumentKind::Directive => "Directive",
            InstrumentKind::Law => "Law",
            InstrumentKind::Agreement => "Agreement",
            InstrumentKind::Treaty => "Treaty",
            InstrumentKind::Standard => "Standard",
            InstrumentKind::Principles => "Principles",
            InstrumentKind::Declaration => "Declaration",
            InstrumentKind::Strategy => "Strategy",
            InstrumentKind::ExportControl => "Export control",
            InstrumentKind::Decision => "Decision",
            InstrumentKind::Report => "Report",
        }
    }
}

impl RelationKind {
    pub const ALL: [RelationKind; 21] = [
        RelationKind::Appoints,
        RelationKind::MemberOf,
        RelationKind::ObserverOf,
        RelationKind::Founded,
        RelationKind::Enacts,
        RelationKind::Proposes,
        RelationKind::Adopts,
        RelationKind::PartyTo,
        RelationKind::Signs,
        RelationKind::ModelledOn,
        RelationKind::Implements,
        RelationKind::Supersedes,
        RelationKind::Invalidates,
        RelationKind::Restricts,
        RelationKind::Targets,
        RelationKind::PartnersWith,
        RelationKind::Hosts,
        RelationKind::BasedIn,
        RelationKind::ParticipatesIn,
        RelationKind::Leads,
        RelationKind::Rivals,
    ];

    /// Reads between the two ends: "Denmark *appoints* Tech Ambassador".
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Appoints => "appoints",
            RelationKind::MemberOf => "member of",
            RelationKind::ObserverOf => "observer of",
            RelationKind::Founded => "founded",
            RelationKind::Enacts => "enacts",
            RelationKind::Proposes => "proposes",
            RelationKind::Adopts => "adopts",
            RelationKind::PartyTo => "party to",
            RelationKind::Signs => "signs",
            RelationKind::ModelledOn => "modelled on",
            RelationKind::Implements => "implements",
            RelationKind::Supersedes => "supersedes",
            RelationKind::Invalidates => "invalidates",
            RelationKind::Restricts => "restricts",
            RelationKind::Targets => "targets",
            RelationKind::PartnersWith => "partners with",
            RelationKind::Hosts => "hosts",
            RelationKind::BasedIn => "based in",
            RelationKind::ParticipatesIn => "participates in",
            RelationKind::Leads => "leads",
            RelationKind::Rivals => "rivals",
        }
    }
}

impl EventKind {
    pub const ALL: [EventKind; 12] = [
        EventKind::Appointment,
        EventKind::Regulation,
        EventKind::Agreement,
        EventKind::ExportControl,
        EventKind::Summit,
        EventKind::Founding,
        EventKind::Statement,
        EventKind::Strategy,
        EventKind::Ruling,
        EventKind::Standard,
        EventKind::Membership,
        EventKind::Report,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Appointment => "Appointment",
            EventKind::Regulation => "Regulation",
            EventKind::Agreement => "Agreement",
            EventKind::ExportControl => "Export control",
            EventKind::Summit => "Summit",
            EventKind::Founding => "Founding",
            EventKind::Statement => "Statement",
            EventKind::Strategy => "Strategy",
            EventKind::Ruling => "Ruling",
            EventKind::Standard => "Standard",
            EventKind::Membership => "Membership",
            EventKind::Report => "Report",
        }
    }
}
