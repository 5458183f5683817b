//! A story being authored, and a step captured from what the user is looking at.

use crate::model::{Atlas, PartialDate, Story, StoryStep};
use crate::ui::state::{AppState, Canvas};
use crate::ui::view_state::Selection;

use super::fields::{FieldErrors, cleaned, date_of, date_text, optional, slug};
use super::pickers::RefList;

/// A story being edited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryDraft {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub steps: Vec<StepDraft>,
    pub questions: Vec<String>,
}

/// One step being edited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepDraft {
    pub title: String,
    pub text: String,
    pub focus: RefList,
    pub date: String,
    pub map: bool,
    pub notes: String,
}

impl StoryDraft {
    pub fn of(s: &Story) -> Self {
        Self {
            id: s.id.clone(),
            title: s.title.clone(),
            summary: s.summary.clone(),
            steps: s.steps.iter().map(StepDraft::of).collect(),
            questions: s.questions.clone(),
        }
    }

    /// Moves step `index` by `delta` places (−1 up, +1 down); nothing past either end.
    pub fn move_step(&mut self, index: usize, delta: isize) {
        let target = index as isize + delta;
        if index < self.steps.len() && (0..self.steps.len() as isize).contains(&target) {
            self.steps.swap(index, target as usize);
        }
    }

    /// The story, or the problems of its dates (by "steps", naming the step).
    pub fn build(&self) -> Result<Story, FieldErrors> {
        let mut errors = FieldErrors::default();
        let steps = self
            .steps
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                s.build()
                    .map_err(|e| errors.add("steps", format!("step {}: {e}", i + 1)))
                    .ok()
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let id = match self.id.trim() {
            "" => slug(&self.title),
            id => id.to_string(),
        };
        Ok(Story {
            id,
            title: self.title.trim().to_string(),
            summary: self.summary.trim().to_string(),
            steps,
            questions: cleaned(&self.questions),
        })
    }
}

impl StepDraft {
    fn of(s: &StoryStep) -> Self {
        Self {
            title: s.title.clone(),
            text: s.text.clone(),
            focus: RefList::new(&s.focus),
            date: date_text(s.date),
            map: s.map,
            notes: s.notes.clone().unwrap_or_default(),
        }
    }

    fn build(&self) -> Result<StoryStep, String> {
        Ok(StoryStep {
            title: self.title.trim().to_string(),
            text: self.text.trim().to_string(),
            focus: self.focus.ids.clone(),
            date: date_of(&self.date, true)?,
            map: self.map,
            notes: optional(&self.notes),
        })
    }

    /// A step from the current view: the selection as its focus, the "as of" date as its
    /// date (none when the view shows today), and the map when the map is shown. Its title is
    /// the focus's name, for the author to change.
    pub fn from_view(state: &AppState) -> Self {
        let atlas = state.dataset.graph.atlas();
        let focus = state
            .view
            .selection
            .as_ref()
            .map(|s| focus_of(atlas, s))
            .unwrap_or_default();
        let title = focus
            .first()
            .and_then(|id| atlas.actors.iter().find(|a| &a.id == id))
            .map(|a| a.name.clone())
            .unwrap_or_default();
        Self {
            title,
            text: String::new(),
            focus: RefList::new(&focus),
            date: date_text(state.as_of().map(PartialDate::from_year_fraction)),
            map: state.prefs.canvas == Canvas::Map,
            notes: String::new(),
        }
    }
}

/// The actors a selection is about: the actor, a relation's two ends, an event's actors.
pub fn focus_of(atlas: &Atlas, selection: &Selection) -> Vec<String> {
    match selection {
        Selection::Actor(id) => vec![id.clone()],
        Selection::Relation(i) => atlas
            .relations
            .get(*i)
            .map(|r| vec![r.from.clone(), r.to.clone()])
            .unwrap_or_default(),
        Selection::Event(id) => atlas
            .events
            .iter()
            .find(|e| &e.id == id)
            .map(|e| e.actors.clone())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(title: &str) -> StepDraft {
        StepDraft {
            title: title.into(),
            ..StepDraft::default()
        }
    }

    #[test]
    fn steps_move_up_and_down_but_not_past_the_ends() {
        let mut draft = StoryDraft {
            steps: vec![step("a"), step("b"), step("c")],
            ..StoryDraft::default()
        };
        draft.move_step(2, -1);
        draft.move_step(0, -1);
        draft.move_step(2, 1);
        let titles: Vec<&str> = draft.steps.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["a", "c", "b"]);
    }

    #[test]
    fn a_story_keeps_notes_and_the_map_and_drops_blank_questions() {
        let mut draft = StoryDraft {
            title: "Chips in 2022".into(),
            steps: vec![StepDraft {
                date: "2022-10".into(),
                map: true,
                notes: "Ask who was surprised.".into(),
                ..step("Export controls")
            }],
            questions: vec!["Who gains?".into(), " ".into()],
            ..StoryDraft::default()
        };
        let story = draft.build().expect("builds");
        assert_eq!(story.id, "chips-in-2022");
        assert_eq!(story.questions, ["Who gains?"]);
        assert!(story.steps[0].map);
        assert_eq!(
            story.steps[0].notes.as_deref(),
            Some("Ask who was surprised.")
        );
        draft.steps[0].date = "2022-13".into();
        let errors = draft.build().expect_err("refused");
        assert!(errors.of("steps")[0].starts_with("step 1:"));
    }
}
