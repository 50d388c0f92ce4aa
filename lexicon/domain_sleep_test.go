package lexicon

import (
	"strings"
	"testing"
)

// The embedded vocabulary of sleep and psychiatric drugs as patients write about them:
// each phrase must yield exactly these matches, so a lost term, a term moved to another
// concept or a new ordinary-word match all fail.
func TestSleepAndPsychiatricDomain(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text string
		want []string // "surface=concept"
	}{
		// the loss-of-sleep family
		{"loss of sleep since I started", []string{"loss of sleep=insomnia"}},
		{"I've been losing sleep for weeks", []string{"losing sleep=insomnia"}},
		{"awake at 3 am again", []string{"awake at 3 am=insomnia"}},
		{"I sleep 2 hours a night now", []string{"sleep 2 hours a night=insomnia"}},
		{"Sleeping maybe four hours a night", []string{"Sleeping maybe four hours a night=insomnia"}}, // not hypersomnia
		{"I sleep 12 hours a night", []string{"sleep 12 hours a night=hypersomnia"}},
		{"running on 3 hours of sleep", []string{"running on 3 hours of sleep=sleep deprivation effects"}},
		{"staring at the ceiling until dawn", []string{"staring at the ceiling=insomnia"}},
		{"I was up til 5am every night", []string{"up til 5am=insomnia"}},
		{"I wake up 4 times a night", []string{"wake up 4 times a night=sleep maintenance insomnia"}},
		{"woke up at 2am wide eyed", []string{"woke up at 2am=sleep maintenance insomnia"}},
		{"I wake up hours before my alarm", []string{"wake up hours before my alarm=early morning awakening"}},
		{"I can't switch off at night", []string{"can't switch off=racing thoughts"}},
		// hypnotics: the morning after and what happens at night
		{"woke up groggy", []string{"woke up groggy=hangover"}},
		{"I don't remember sending those texts", []string{"don't remember sending=complex sleep behaviors"}},
		{"woke up with crumbs in my bed", []string{"woke up with crumbs=complex sleep behaviors"}},
		{"like I licked a battery", []string{"licked a battery=metallic taste"}},
		{"seeing figures in the room", []string{"figures in the room=visual hallucination"}},
		// stimulants
		{"a crash in the evening", []string{"crash in the evening=comedown"}},
		{"zero appetite", []string{"zero appetite=decreased appetite"}},
		{"he is such a grouch", []string{"grouch=irritability"}},
		{"skin picking got worse", []string{"skin picking got worse=skin picking disorder"}},
		{"I feel speedy", []string{"feel speedy=jitteriness"}},
		// antipsychotics and mood stabilizers
		{"I can't stop pacing", []string{"can't stop pacing=akathisia"}},
		{"can't stay in my chair", []string{"can't stay in my chair=akathisia"}},
		{"I keep bouncing my leg", []string{"bouncing my leg=restlessness"}},
		{"my brain is in molasses", []string{"brain is in molasses=cognitive impairment"}},
		{"shuffling around the house", []string{"shuffling around=gait disturbance"}},
		{"I feel dull and flat", []string{"feel dull and flat=emotional blunting"}},
		{"my thyroid is shot", []string{"thyroid is shot=hypothyroidism"}},
		{"tongue stuck to the roof of my mouth", []string{"stuck to the roof of my mouth=dry mouth"}},
		{"a hard time peeing", []string{"hard time peeing=urinary retention"}},
		// drugs
		{"Vistaril and atarax", []string{"Vistaril=hydroxyzine", "atarax=hydroxyzine"}},
		{"seraquel 100", []string{"seraquel=quetiapine"}},
		{"a non-stimulant like Strattera", []string{"non-stimulant=adhd non-stimulants", "Strattera=atomoxetine"}},
		{"a DORA such as Quviviq", []string{"DORA=orexin receptor antagonists", "Quviviq=daridorexant"}},
		// ordinary talk stays ordinary
		{"I can't get comfortable with the idea", nil},
		{"I keep hearing things about it", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			if got := matches(m, tc.text); strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
