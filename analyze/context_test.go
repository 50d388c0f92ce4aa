package analyze

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rxvoice/rxvoice/corpus"
)

// mentionsOf analyzes one comment text posted on a fixed date.
func mentionsOf(t *testing.T, text string) []Mention {
	t.Helper()
	posted, _ := corpus.ParseDate("June 6, 2021 at 6:45 pm")
	p := &corpus.Page{Source: "t", Format: corpus.FormatPageText,
		Comments: []corpus.Comment{{Index: 0, Author: "x", Posted: posted, Parent: -1, Text: text}}}
	var out []Mention
	for _, m := range analyzer(t).Page(p) {
		if m.Section.Comment != nil {
			out = append(out, m)
		}
	}
	return out
}

// find returns the mention whose text is surface (the first one).
func find(ms []Mention, surface string) *Mention {
	for i := range ms {
		if ms[i].Text == surface {
			return &ms[i]
		}
	}
	return nil
}

// mustFind returns the mention whose text is surface, or stops the test with the
// mentions found in text.
func mustFind(t *testing.T, ms []Mention, text, surface string) *Mention {
	t.Helper()
	m := find(ms, surface)
	if m == nil {
		var got []string
		for _, x := range ms {
			got = append(got, x.Type+":"+x.Text)
		}
		t.Fatalf("%q not found in %q; mentions %q", surface, text, got)
	}
	return m
}

func describe(m *Mention) string {
	switch m.Type {
	case TypeSymptom:
		return fmt.Sprintf("%s negated=%v experiencer=%s certainty=%s role=%s drug=%s", m.Concept, m.Negated, m.Experiencer, m.Certainty, m.Role, m.Drug)
	case TypeDrug:
		return fmt.Sprintf("%s status=%s experiencer=%s", m.Concept, m.Status, m.Experiencer)
	case TypeDuration:
		return fmt.Sprintf("days=%g min=%g max=%g iso=%s ago=%v drug=%s", m.Duration.Days, m.Duration.MinDays, m.Duration.MaxDays, m.Duration.ISO, m.Duration.Ago, m.Drug)
	case TypeDose:
		return fmt.Sprintf("value=%g max=%g unit=%s drug=%s", m.Dose.Value, m.Dose.MaxValue, m.Dose.Unit, m.Drug)
	case TypeFrequency:
		return fmt.Sprintf("per_day=%.4g label=%s drug=%s", m.Frequency.PerDay, m.Frequency.Label, m.Drug)
	}
	return m.Type
}

func TestContextRules(t *testing.T) {
	tests := []struct {
		name, text, surface string
		want                string // substrings of describe(), space-separated
	}{
		{"negated", "I take Zoloft. No nausea at all.", "nausea", "negated=true"},
		{"negation stops at but", "I take Zoloft. No nausea, but headaches every day.", "headaches every day", "negated=false role=adverse"},
		{"negation stops at but without comma", "On Zoloft I had no nausea but bad headaches.", "bad headaches", "negated=false"},
		{"have not had", "On Lexapro I have not had any weight gain.", "weight gain", "negated=true"},
		{"without", "Three months on Prozac without any nausea.", "nausea", "negated=true"},
		{"barely is not no", "On Lipitor I could barely walk.", "could barely walk", "negated=false"},
		{"barely any", "Barely any nausea on Zoloft.", "nausea", "negated=true"},
		{"pseudo not only", "Not only headaches but nausea too on Zoloft.", "headaches", "negated=false"},
		{"pseudo no doubt", "No doubt the insomnia came from the Prozac.", "insomnia", "negated=false"},
		{"post free", "Since the Cymbalta I am pain free.", "pain", "negated=true"},
		{"hypothetical if", "If you do get headaches, take it with food.", "headaches", "certainty=hypothetical"},
		{"hypothetical can cause", "Coming off too fast can cause a stroke.", "stroke", "certainty=hypothetical"},
		{"hypothetical afraid", "I'm afraid of the brain zaps.", "brain zaps", "certainty=hypothetical"},
		{"reported", "I get headaches on Zoloft.", "headaches", "certainty=reported experiencer=self"},
		{"relative", "My sister developed tooth abscesses on Xanax.", "tooth abscesses", "experiencer=other"},
		{"relative's hands", "My mom's hands shook on Xanax.", "hands shook", "experiencer=other"},
		{"ex husband", "My ex husband got paranoid on Xanax.", "paranoid", "experiencer=other"},
		{"friend's son", "A friend's son had seizures on Wellbutrin.", "seizures", "experiencer=other"},
		{"self after relative", "My sister takes Xanax but I get the headaches.", "headaches", "experiencer=self"},
		{"indication for", "I was prescribed klonopin for restless leg syndrome.", "restless leg syndrome", "role=indication drug=clonazepam"},
		{"indication for and", "I took it only at night for chronic insomnia and anxiety attacks.", "anxiety attacks", "role=indication"},
		{"indication without for", "Lexapro has really helped my anxiety.", "anxiety", "role=indication drug=escitalopram"},
		{"indication I take it for", "I take it for panic attacks.", "panic attacks", "role=indication"},
		{"indication to treat", "My doctor gave me Lyrica to treat nerve pain.", "nerve pain", "role=indication drug=pregabalin"},
		{"withdrawal stopped", "Since I stopped taking Paxil I have terrible dizziness.", "terrible dizziness", "role=withdrawal drug=paroxetine"},
		{"withdrawal coming off", "Coming off Effexor gave me brain zaps.", "brain zaps", "role=withdrawal"},
		{"withdrawal missed dose", "If I miss a dose of Effexor I get dizzy.", "dizzy", "role=withdrawal"},
		{"withdrawal cut down", "When I cut down my Klonopin I could not sleep.", "could not sleep", "role=withdrawal"},
		{"adverse", "Zoloft gave me night sweats.", "night sweats", "role=adverse drug=sertraline"},
		{"adverse developed", "I developed insomnia on klonopin.", "insomnia", "role=adverse"},
		{"other history", "I have had migraines since childhood and take Zoloft.", "migraines", "role=other"},
		{"withdrawal not taking", "My hands tremble whenever I don't take my Cymbalta.", "hands tremble", "role=withdrawal drug=duloxetine"},
		{"withdrawal ran out", "I ran out of Paxil over the holidays and had vertigo for a week.", "vertigo", "role=withdrawal"},
		{"withdrawal late dose", "Being a few hours late for a dose of Effexor gives me nausea.", "nausea", "role=withdrawal"},
		{"withdrawal gerund", "Stopping Pristiq abruptly can cause dizziness.", "dizziness", "role=withdrawal certainty=hypothetical"},
		{"withdrawal adverb", "I finally quit Celexa and the insomnia was awful.", "insomnia", "role=withdrawal drug=citalopram"},
		{"withdrawal noun after will", "I will say that withdrawal from Zoloft means crushing fatigue.", "crushing fatigue", "role=withdrawal"},
		{"withdrawal decreased dose", "When I decreased my dose of Savella the headaches were constant.", "headaches", "role=withdrawal"},
		{"withdrawal spaced contraction", "I get palpitations when I don ' t take it .", "palpitations", "role=withdrawal"},
		{"withdrawal beats a bare for", "After I stopped Effexor cold turkey I was in the ER for chest pain.", "chest pain", "role=withdrawal drug=venlafaxine"},
		{"withdrawal names the stopped drug", "Once I was off the Ativan and on the Ambien I started getting hives.", "hives", "role=withdrawal drug=lorazepam"},
		{"hospitalized for is no indication", "On Depakote I was hospitalized within a week for pancreatitis.", "pancreatitis", "role=adverse"},
		{"for days is no indication", "On Zoloft I could not eat for days and had diarrhea.", "diarrhea", "role=adverse"},
		{"indication beats withdrawal cue", "I quit smoking and was prescribed Chantix for nicotine cravings.", "nicotine cravings", "role=indication"},
		{"indication took away", "Lexapro took away my panic attacks.", "panic attacks", "role=indication"},
		{"indication no longer", "Since Zoloft I no longer have crying spells.", "crying spells", "role=indication negated=true"},
		{"indication anymore", "On Prozac I don't get panic attacks anymore.", "panic attacks", "role=indication"},
		{"indication stopped my", "Cymbalta stopped my back pain within a week.", "back pain", "role=indication"},
		{"stopped taking is no relief", "I stopped taking Zoloft and had headaches.", "headaches", "role=withdrawal"},
		{"reason for stopping", "The weight gain is the only reason I stopped Paxil.", "weight gain", "role=adverse"},
		{"reason after because", "I quit Lamictal because of a rash.", "rash", "role=adverse"},
		{"warning is not a reason", "Don't stop Effexor at once because you get dizzy.", "dizzy", "role=withdrawal"},
		{"named before the stop", "The side effects were too much, constant nausea, and I weaned off Zoloft.", "constant nausea", "role=adverse"},
		{"before the stop with after", "I had brain fog for weeks after I quit Cymbalta.", "brain fog", "role=withdrawal"},
		{"passive missed dose", "If a dose of Effexor is missed I get vertigo.", "vertigo", "role=withdrawal"},
		{"without the drug", "I was without Zoloft for 3 days and got dizzy.", "dizzy", "role=withdrawal drug=sertraline"},
		{"without is not a stop", "I was without any energy and felt dizzy.", "felt dizzy", "role=adverse"},
		{"took me off", "My doctor took me off Paxil and I had vertigo.", "vertigo", "role=withdrawal drug=paroxetine"},
		{"took off work", "I took off work because of the migraines.", "migraines", "role=adverse"},
		{"not having it", "After two days of not having it I was dizzy.", "dizzy", "role=withdrawal"},
		{"withdrawal misspelled", "The withdrawel from Celexa gave me nausea.", "nausea", "role=withdrawal"},
		{"forgot to mention", "On Zoloft. Forgot to mention the dry mouth.", "dry mouth", "role=adverse"},
		{"plan is not a stop", "I have acne on Lexapro and might go off it.", "acne", "role=adverse"},
		{"drug in brackets", "I take Zoloft. My headaches got worse on the beta blocker (metoprolol).", "headaches", "role=adverse drug=metoprolol"},
		{"drug in brackets names the med", "I take Zoloft. The new anxiety med (Xanax) gave me a rash.", "rash", "drug=alprazolam"},
		{"history of what the drug treats", "I was suicidal before I started taking Prozac.", "suicidal", "role=indication"},
		{"history of something else", "I have had migraines since childhood and take Prozac.", "migraines", "role=other"},
		{"denied and treated", "On Zoloft I don't get panic attacks as often.", "panic attacks", "negated=true role=indication"},
		{"denied until the drug", "I never had a panic attack until I took Chantix.", "panic attack", "role=adverse"},
		{"lab value is no drug", "My vitamin D level was 12 so I take vitamin D daily.", "vitamin D", "status=current"},
		{"status nearest word", "I was on Paxil and then Zoloft for years.", "Zoloft", "status=stopped"},
		{"status was taking", "I was taking Celexa back then.", "Celexa", "status=stopped"},
		{"the hypnotic working", "Ambien puts me to sleep in 20 minutes.", "puts me to sleep", "role=indication"},
		{"a term that says the lack", "On Vyvanse I have no appetite and can't sleep at night.", "can't sleep at night", "negated=false"},
		{"free of", "Six months on lisinopril and free of the dry cough.", "dry cough", "negated=true role=adverse"},
		{"no relief is no denial", "I get no relief for my back pain from tramadol.", "back pain", "negated=false"},
		{"everyone I know", "Everyone I know on prednisone has had mood swings.", "mood swings", "experiencer=other"},
		{"a lady in my group", "A lady in my support group had hair loss on methotrexate.", "hair loss", "experiencer=other"},
		{"anyone else is the writer", "Anyone else get vivid dreams on melatonin?", "vivid dreams", "experiencer=self certainty=reported"},
		{"watch out for", "Watch out for yeast infections on Jardiance.", "yeast infections", "certainty=hypothetical"},
		{"if in an earlier clause", "If my blood pressure drops too much on losartan, I will feel faint.", "feel faint", "certainty=hypothetical"},
		{"cleared up", "Nitrofurantoin cleared up my burning urination.", "burning urination", "role=indication"},
		{"for does not cross but", "I take citalopram for depression and trazodone for sleep, but the dry mouth is from the citalopram.", "dry mouth", "role=adverse drug=citalopram"},
		{"for does not cross and the", "Metoprolol for AFib, and the fatigue started when they added diltiazem.", "fatigue", "role=adverse"},
		{"cut down the symptom", "Magnesium at night has cut down my leg cramps.", "leg cramps", "role=indication"},
		{"stopped his drug", "My husband got dizzy when he stopped his clonidine suddenly.", "dizzy", "role=withdrawal experiencer=other"},
		{"wears off", "When the tramadol wears off I get restless legs.", "restless legs", "role=withdrawal"},
		{"implant removed", "After getting the Nexplanon removed I had acne for months.", "acne", "role=withdrawal"},
		{"another illness belongs to no drug", "Diagnosed with sleep apnea last year, separate from the lisinopril issue.", "sleep apnea", "role=other drug= "},
		{"status current", "I am currently taking Lexapro.", "Lexapro", "status=current"},
		{"status stopped", "I quit taking Zoloft last year.", "Zoloft", "status=stopped"},
		{"status tapering", "I am tapering off Klonopin now.", "Klonopin", "status=tapering"},
		{"status planned", "I'm going to start Wellbutrin next week.", "Wellbutrin", "status=planned"},
		{"drug of someone else", "My ex was on Xanax for years.", "Xanax", "experiencer=other"},
		// Linking: only the drug the writer is on takes the symptoms of sentences that name none.
		{"past drug takes no later symptom", "Weight gain and night sweats. In the past I took Paxil.", "night sweats", "drug= "},
		{"list of past drugs", "Constant nausea the first month. Before that I went through Prozac, Paxil and Celexa.", "Constant nausea the first month", "drug= "},
		{"past drug beside the own one", "I have been on Lipitor since March. Years ago I tried Zocor. My calves cramp at night.", "calves cramp", "drug=atorvastatin"},
		{"past drug story goes on", "I was prescribed gabapentin for nerve pain years ago. When I stopped it I had terrible insomnia.", "terrible insomnia", "drug=gabapentin"},
		{"adjunct", "Dry mouth all day. I also take Wellbutrin in the morning.", "Dry mouth all day", "drug= "},
		{"adjunct beside the own one", "I started Zoloft in May. I take it along with Wellbutrin. Vivid dreams most nights.", "Vivid dreams", "drug=sertraline"},
		{"supplement for the side effect", "I have been on simvastatin a year. I take CoQ10 for the muscle pain. The fatigue is constant.", "fatigue", "drug=simvastatin"},
		{"supplement taken for it keeps its reason", "I have been on simvastatin a year. I take CoQ10 for the muscle pain.", "muscle pain", "drug=coenzyme q10 role=indication"},
		{"remedy after the symptom", "On metformin. I had diarrhea so I took Imodium.", "diarrhea", "drug=metformin"},
		{"remedy to help sleep", "Terrible insomnia. I take melatonin at night to help me sleep.", "Terrible insomnia", "drug= "},
		{"comparison", "I get headaches, worse than on Prozac ever.", "headaches", "drug= "},
		{"medications like is an example", "Medications like Xanax gave me a rash.", "rash", "drug=alprazolam"},
		{"this medication is the topic", "Awful nausea on this medication. I started it when Prozac stopped working.", "Awful nausea", "drug= "},
		{"this medication after the drug", "I have taken Lexapro for a month. This medication gave me night sweats.", "night sweats", "drug=escitalopram"},
		{"switched from", "I went from Effexor to Cymbalta last fall. Sweating is worse.", "Sweating", "drug=duloxetine"},
		{"switched from a drug", "Switched from Paxil because of the weight gain. I like Zoloft a lot. No nausea so far.", "nausea", "drug=sertraline"},
		{"put on with no drug before is the own drug", "I have gout and was put on allopurinol. Rash on my arms.", "Rash on my arms", "drug=allopurinol"},
		{"added after a drug is a treatment", "My son takes Concerta. His doctor added melatonin. He still has stomach aches.", "stomach aches", "drug=methylphenidate experiencer=other"},
		{"planned switch", "My husband is on Risperdal. We are switching to Abilify. He has gained weight.", "gained weight", "drug=risperidone"},
		// A drug named for another reason takes no symptom from another sentence.
		{"switched to takes what follows", "Headaches every morning. Last week I switched to Prozac. Now I feel dizzy.", "feel dizzy", "drug=fluoxetine"},
		{"switched to takes nothing before", "Headaches every morning. Last week I switched to Prozac. Now I feel dizzy.", "Headaches every morning", "drug= "},
		{"switched to, from then on", "I switched to Prozac in May. Work is busy. The kids are fine. I feel dizzy.", "feel dizzy", "drug=fluoxetine"},
		{"now on", "My hair is thinning. I am now on Celexa.", "hair is thinning", "drug= "},
		{"back on", "Gained ten pounds in a month. I went back on Paxil.", "Gained ten pounds", "drug= "},
		{"switched to, then the one left", "I was switched to Pristiq from Remeron. Vivid dreams.", "Vivid dreams", "drug=desvenlafaxine"},
		{"judged better", "Constant yawning all day. Remeron worked so much better.", "Constant yawning all day", "drug= "},
		{"better then", "Constant yawning all day. Far better then Paxil ever was.", "Constant yawning all day", "drug= "},
		{"judged better than another keeps the drug", "Pristiq works better than Paxil. Constant yawning all day.", "Constant yawning all day", "drug=desvenlafaxine"},
		{"made worse is no judgement", "Pristiq made my mood worse. Constant yawning all day.", "Constant yawning all day", "drug=desvenlafaxine"},
		{"taken with it", "My hands shake. I take Klonopin with it at night.", "hands shake", "drug= "},
		{"had to take", "Terrible cramps in my legs. I had to take Tylenol twice.", "Terrible cramps in my legs", "drug= "},
		{"had to be put on", "Could not keep food down. I had to be put on Zofran.", "Could not keep food down", "drug= "},
		{"had to take keeps its own clause", "I had to take Tylenol and it gave me a rash.", "rash", "drug=acetaminophen"},
		{"put on after this medication", "This medication gave me chills. My doctor put me on Ativan. Still sweating at night.", "sweating at night", "drug= "},
		{"listed with an add-on", "Dry mouth all day. I am also on Lamictal twice a day, and Abilify at night.", "Dry mouth all day", "drug= "},
		{"in addition, a sentence away", "Dry mouth all day. In addition, I am taking 300mg of Wellbutrin.", "Dry mouth all day", "drug= "},
		{"wore off after a comma", "Hot flashes at night. After taking Buspar for a year, it started to wear off.", "Hot flashes", "drug= "},
		{"stopped working after because", "Hot flashes at night. I quit Remeron because the highest dose stopped working.", "Hot flashes", "drug= "},
		{"which counteracts", "Pristiq gives me energy. I take it with Remeron, which counteracts the insomnia.", "insomnia", "drug=desvenlafaxine"},
		{"for that after a symptom", "My jaw aches from clenching. I take a little Valium for that. Sweating at night.", "Sweating at night", "drug= "},
		{"for that with nothing told", "I take a little Valium for that. Sweating at night.", "Sweating at night", "drug=diazepam"},
		{"put on after it", "I could not sleep on it at all. Then I was put on Seroquel. Sweating at night.", "Sweating at night", "drug= "},
		{"learned about", "Vivid dreams every night. I learned about Remeron from a friend.", "Vivid dreams", "drug= "},
		{"stopped working", "Hot flashes at night. Wellbutrin stopped working after a year.", "Hot flashes", "drug= "},
		{"did not work anymore", "Hot flashes at night. I changed because Remeron didn't work anymore.", "Hot flashes", "drug= "},
		{"wore off", "Hot flashes at night. Buspar wore off in a month.", "Hot flashes", "drug= "},
		{"working keeps the drug", "Wellbutrin is working well. Hot flashes at night.", "Hot flashes", "drug=bupropion"},
		{"taken with a supplement", "Upset stomach for a week. I started taking it with a ginger capsule.", "Upset stomach", "drug= "},
		{"treated with", "Panic attacks all week, which I treat with Klonopin.", "Panic attacks", "drug= "},
		{"switched off to", "My skin itches. I have switched off to Wellbutrin.", "skin itches", "drug= "},
		// The principal drug, which takes the symptoms of sentences that name none, is one
		// the writer is not said to have stopped or taken in the past, unless there is none.
		{"past drug is not the principal", "Nausea and dry mouth. I was on Paxil for a year but it did nothing. Last month I started Zoloft.", "Nausea", "drug=sertraline"},
		{"past drug alone is the principal", "Nausea and dry mouth. I was on Paxil for a year.", "Nausea", "drug=paroxetine"},
		{"another med", "Nausea and nightmares. The nightmares made me opt for another med. Effexor XR has worked wonders.", "Nausea", "drug= "},
		{"another med, the drug after", "Nausea and nightmares. I moved on to a different medication, Effexor. Now I feel dizzy.", "feel dizzy", "drug=venlafaxine"},
		{"the drug moved to before a stopped one", "Nausea and dry mouth. I was taking Lexapro, which did nothing. Switched to Effexor for the energy.", "Nausea", "drug=venlafaxine"},
		// "it" taken before a drug named in the same sentence is another drug, the text's
		// own unnamed one: the drug named takes no symptom of another sentence.
		{"taking it after a drug", "Weight gain and poor sleep. Started taking it after Prozac upset my stomach.", "Weight gain", "drug= "},
		{"taking it names no drug after", "Weight gain and poor sleep. Started taking it last May. Prozac never did this.", "Weight gain", "drug=fluoxetine"},
		{"stopped drug in a text about it", "Weight gain. I was glad to start it as I was on Effexor for years but it raised my blood pressure. I have no sexual desire.", "no sexual desire", "drug= "},
		{"examples of other drugs", "Night sweats and headaches. I have tried other medications, such as: Paxil and Celexa.", "Night sweats", "drug= "},
		{"examples in brackets", "Night sweats and headaches. Later I tried others (such as Lexapro and Prozac).", "Night sweats", "drug= "},
		{"discontinuation of and on to", "The discontinuation of Effexor and on to Cymbalta. Constipation was awful.", "Constipation", "drug=duloxetine"},
		{"status withdrawal from", "The withdrawal from Paxil was awful.", "Paxil", "status=stopped"},
		{"compared, listed after a bracket", "Vivid dreams at first. Much better than Paxil (made me gain weight) or Wellbutrin.", "Vivid dreams at first", "drug= "},
		{"taken with, a dose between", "Vivid dreams every night. I take 40mg a day with 3mg klon. I think the Lexapro helps a lot.", "Vivid dreams", "drug=escitalopram"},
		{"the reason for a switch", "I was on Lexapro and my doctor switched me to Wellbutrin because I had gained 18 pounds.", "gained 18 pounds", "drug=escitalopram"},
		{"the reason for a planned change", "I think Zoloft was great. Now I am trying to change to Wellbutrin because of the weight gain.", "weight gain", "drug=sertraline"},
		{"except for", "Vivid dreams at night. Most antidepressants worked for me (except for Wellbutrin).", "Vivid dreams", "drug= "},
		{"to no avail", "Night sweats and dizziness. I tried Lexapro, to no avail. Effexor changed everything.", "Night sweats", "drug=venlafaxine"},
		// A substance a symptom is about, or one named once in passing, is not its cause.
		{"craving for a substance", "I take Zoloft. Strong cravings for alcohol at night.", "Strong cravings for", "drug=sertraline"},
		{"substance before the symptom", "I have been on Lexapro for a month. I am caffeine intolerant now.", "caffeine intolerant", "drug=escitalopram"},
		{"substance named once in passing", "I have been on Lexapro for a month. I drink alcohol sometimes, and I have vivid dreams.", "vivid dreams", "drug=escitalopram"},
		{"as bad as", "Tiredness and vivid dreams, not nearly as bad as Paxil. I like Zoloft a lot.", "vivid dreams", "drug=sertraline"},
		{"one naming read as two mentions", "Brain zaps at night. I started edible medical cannabis.", "Brain zaps", "drug= "},
		{"another's drug takes not the writer's symptoms", "This medication is new to me. I take Lexapro. My husband is on Paxil. The weather is cold. Night sweats every night.", "Night sweats", "drug= "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := describe(mustFind(t, mentionsOf(t, tc.text), tc.text, tc.surface))
			for _, w := range strings.Fields(tc.want) {
				if !strings.Contains(d+" ", w+" ") {
					t.Errorf("%q in %q: %s, want %s", tc.surface, tc.text, d, tc.want)
					break
				}
			}
		})
	}
}

// Figures of speech name a symptom without reporting one; so do drug names ("MS Contin")
// and dosing words ("titration").
func TestIdioms(t *testing.T) {
	for text, want := range map[string]string{
		"On Lipitor, climbing stairs is a nightmare.":          "",
		"Getting Xanax refilled is a real headache.":           "",
		"My boss is a pain in the neck.":                       "",
		"I am so tired of the side effects of Zoloft.":         "",
		"The main side effect of Zoloft was a headache.":       "headache",
		"On Zoloft it was a headache that lasted for days.":    "headache",
		"I had a nightmare every night on Chantix.":            "nightmare",
		"I am so tired all the time on Lexapro.":               "fatigue",
		"I take MS Contin twice a day.":                        "",
		"Tylenol Arthritis works for me.":                      "",
		"Low testosterone, and B12 deficiency too.":            "vitamin b12 deficiency",
		"I found the sweet spot at 50 mg of Zoloft.":           "",
		"The Lamictal titration was slow.":                     "",
		"I take potassium citrate, the citrate version works.": "",
		"Coming off Effexor was also a pain.":                  "",
		"I was scared to death to start Zoloft.":               "",
		"I had exhausted all hope before Prozac.":              "",
		"Tired it for four months on Lexapro.":                 "",
		"Zoloft was a total nightmare.":                        "",
		"On Zoloft I was exhausted all day.":                   "fatigue",
		"The Lexapro leaflet was confusing.":                   "",
		"On Lexapro I was confused all day.":                   "confusion",
		"The side effects of Effexor were debilitating.":       "",
		"Coming off Paxil was terrifying.":                     "",
		"I worked up to 30 mg of Lexapro over a month.":        "",
		"On Wellbutrin I got worked up over nothing.":          "agitation",
		"I am so sick of taking Zoloft.":                       "",
		"I was so sick on Zoloft the first week.":              "malaise",
	} {
		got := ""
		for _, m := range mentionsOf(t, text) {
			if m.Type == TypeSymptom {
				got = m.Concept
			}
		}
		if got != want {
			t.Errorf("%q: symptom %q, want %q", text, got, want)
		}
	}
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		text, surface, want string
	}{
		{"I have been taking Klonopin for ten years.", "for ten years", "days=3652.5 min=3652.5 max=3652.5 iso=P10Y drug=clonazepam"},
		{"Klonopin 18 years now.", "18 years", "iso=P18Y drug=clonazepam"},
		{"On Zoloft 6 months.", "6 months", "iso=P6M drug=sertraline"},
		{"I took Xanax for a couple of weeks.", "for a couple of weeks", "days=14 min=14 max=21 iso=P2W drug=alprazolam"},
		{"I have been on Paxil for about a year and a half.", "for about a year and a half", "days=547.875 min=547.875 max=547.875 iso=P1Y6M"},
		{"I took Zoloft for one and a half years.", "for one and a half years", "days=547.875 iso=P1Y6M"},
		{"Lexapro 2 and a half years now.", "2 and a half years", "days=913.125 iso=P2Y6M"},
		{"I quit Paxil a month and a half ago.", "a month and a half ago", "days=45.65625 iso=P2M ago=true"},
		{"It took a couple of weeks for Zoloft to work.", "a couple of weeks", "days=14 min=14 max=21"},
		{"I've been on Effexor a few months.", "a few months", "days=91.3125 min=60.875 max=121.75 iso=P3M"},
		{"I was on Prozac for several years.", "for several years", "days=1826.25 min=1095.75 max=2556.75 iso=P5Y"},
		{"Klonopin 18 mos.", "18 mos", "days=547.875 iso=P1Y6M"},
		{"Been on Zoloft since last spring.", "since last spring", "min=6 max=97"},
		{"Been on Zoloft since last summer.", "since last summer", "min=279 max=370"},
		{"Been on Zoloft since last year.", "since last year", "min=157 max=522"},
		{"One day, you will feel better.", "", ""},
		{"I had a day off.", "", ""},
		{"I was on Paxil for over a decade.", "for over a decade", "days=3652.5 iso=P10Y"},
		{"Klonopin 2 yrs.", "2 yrs", "days=730.5 iso=P2Y"},
		{"On Lexapro for 3 yeras.", "for 3 yeras", "days=1095.75 iso=P3Y"},
		{"Been on Klonopin since 1996.", "since 1996", "min=8923 max=9288 drug=clonazepam"},
		{"Been on Zoloft since March.", "since March", "days=97 drug=sertraline"},
		{"I started Klonopin about 6 or 7 years ago.", "about 6 or 7 years ago", "days=2374.125 min=2191.5 max=2556.75 iso=P6Y6M"},
		{"My son is 10 years old and takes Ritalin.", "", ""},
		{"I take 1 mg of Klonopin.", "1 mg", "value=1 max=1 unit=mg drug=clonazepam"},
		{"I take .5mg Klonopin.", ".5mg", "value=0.5 unit=mg"},
		{"I take 60 mg of Cymbalta.", "60 mg", "value=60 unit=mg drug=duloxetine"},
		{"Lexapro 10mg works.", "10mg", "value=10 unit=mg drug=escitalopram"},
		{"Taper Klonopin by 1/4 mg.", "1/4 mg", "value=0.25 unit=mg"},
		{"I cut my Klonopin down to 0.25 last month.", "0.25", "value=0.25 unit= drug=clonazepam"},
		{"Xanax 1-2 mg.", "1-2 mg", "value=1 max=2 unit=mg"},
		{"Take 2 pills of Tylenol.", "2 pills", "value=2 max=2 unit=pill drug=acetaminophen"},
		{"Klonopin 3 per day.", "3 per day", "per_day=3 label=3/day"},
		{"Metformin twice daily.", "twice daily", "per_day=2 label=2/day drug=metformin"},
		{"Ambien at night.", "at night", "per_day=1 label=1/day at night"},
		{"Klonopin once a month.", "once a month", "per_day=0.03285 label=1/month"},
		{"Ativan as needed.", "as needed", "per_day=0 label=as needed"},
		{"Tylenol every 6 hours.", "every 6 hours", "per_day=4 label=every 6 hours"},
		{"Klonopin 2x a day.", "2x a day", "per_day=2 label=2/day"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ms := mentionsOf(t, tc.text)
			if tc.surface == "" {
				for _, m := range ms {
					if m.Type == TypeDuration {
						t.Errorf("duration %q found in %q", m.Text, tc.text)
					}
				}
				return
			}
			d := describe(mustFind(t, ms, tc.text, tc.surface))
			for _, w := range strings.Fields(tc.want) {
				if !strings.Contains(d+" ", w+" ") && !(strings.HasPrefix(w, "min=") || strings.HasPrefix(w, "max=") || strings.HasPrefix(w, "days=")) || !containsNumber(d, w) {
					t.Errorf("%q: %s, want %s", tc.surface, d, tc.want)
					break
				}
			}
		})
	}
}

// containsNumber checks a "key=value" against describe's output; numbers may differ in
// their last digits (days computed from dates).
func containsNumber(d, w string) bool {
	if strings.Contains(d+" ", w+" ") {
		return true
	}
	k, v, ok := strings.Cut(w, "=")
	if !ok {
		return false
	}
	for _, f := range strings.Fields(d) {
		if fk, fv, ok := strings.Cut(f, "="); ok && fk == k {
			var a, b float64
			if _, err := fmt.Sscan(v, &a); err != nil {
				return false
			}
			if _, err := fmt.Sscan(fv, &b); err != nil {
				return false
			}
			return a-b < 1.5 && b-a < 1.5
		}
	}
	return false
}

// A note about several drugs in turn links each symptom to the drug being talked about,
// and stopping one drug does not make the others' symptoms withdrawal.
func TestSeveralDrugsInTurn(t *testing.T) {
	pages, err := corpus.ReadFile("../testdata/pages/multi-drug-note.txt", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"severe muscle cramps in my calves": "atorvastatin adverse", "CK levels": "atorvastatin adverse negated",
		"terrible heartburn": "diclofenac and misoprostol adverse", "episode of black tarry stools": "diclofenac and misoprostol adverse",
		"osteoarthritis in both knees": "diclofenac and misoprostol indication", "mild redness": "diclofenac adverse",
		"ankles swell": "diclofenac adverse",
	}
	seen := 0
	for _, m := range analyzer(t).Page(pages[0]) {
		w, ok := want[m.Text]
		if !ok || m.Type != TypeSymptom {
			continue
		}
		seen++
		got := m.Drug + " " + m.Role
		if m.Negated {
			got += " negated"
		}
		if got != w {
			t.Errorf("%q: %s, want %s", m.Text, got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d symptoms", seen, len(want))
	}
}

// A symptom's span takes in the words that grade it, and its severity is read from
// them, from the match's own words and from a judgement after it.
func TestSeverity(t *testing.T) {
	tests := []struct{ text, surface, want string }{
		{"On Zoloft I had extreme weakness.", "extreme weakness", "severe"},
		{"Lexapro made me very nauseous.", "very nauseous", "moderate"},
		{"Effexor gave me really bad headaches.", "really bad headaches", "severe"},
		{"I had very mild nausea on Zoloft.", "very mild nausea", "mild"},
		{"Slight dizziness the first week.", "Slight dizziness the first week", "mild"},
		{"On Paxil I was in a zombie-like state.", "zombie-like state", ""},
		{"I had tingling in my hands.", "tingling in my hands", ""},
		{"Nausea like I never had before.", "Nausea", ""},
		{"Dry mouth at first, then it went away.", "Dry mouth at first", ""},
		// A grading word the vocabulary reads as a symptom of its own is the modifier.
		{"Effexor gave me excruciating headaches.", "excruciating headaches", "severe"},
		{"I was miserable on Paxil.", "miserable", ""},
		{"On Zoloft my heart was racing at night.", "heart was racing", ""},
		{"I get a little bit of nausea.", "a little bit of nausea", "mild"},
		{"Zoloft gave me full-blown migraines.", "full-blown migraines", "severe"},
		{"I felt dizzy on Paxil.", "felt dizzy", ""},
		{"I had some nausea.", "some nausea", ""},
		{"The headaches were unbearable.", "headaches", "severe"},
		{"The nausea is mild.", "nausea", "mild"},
		{"I have headaches.", "headaches", ""},
		// Descriptive modifiers, joined modifiers, amounts and spells before a symptom.
		{"Paxil gave me weird nightmares.", "weird nightmares", ""},
		{"I had severe and chronic back pain on Celebrex.", "severe and chronic back pain", "severe"},
		{"Effexor gave me vivid, bizarre dreams.", "vivid, bizarre dreams", ""},
		{"I had a lot of gas on metformin.", "a lot of gas", ""},
		{"On Zoloft I had a little nausea.", "a little nausea", "mild"},
		{"I had periods of night sweats.", "periods of night sweats", ""},
		{"On Paxil I tried to hurt myself.", "tried to hurt myself", ""},
		{"Neurontin made me feel like a zombie.", "feel like a zombie", ""},
		// Degree words, what kind, when, and grading words misspelt by one letter.
		{"Paxil left me a bit queasy.", "a bit queasy", "mild"},
		{"Effexor made me a little bit drowsy.", "a little bit drowsy", "mild"},
		{"Wellbutrin made me too jittery.", "too jittery", "moderate"},
		{"Lexapro kept me constantly queasy.", "constantly queasy", ""},
		{"Strattera gave me a powerful headache.", "powerful headache", "moderate"},
		{"Prozac gave me disturbing nightmares.", "disturbing nightmares", ""},
		{"Abilify gave me mental confusion.", "mental confusion", ""},
		{"Lamictal left me physically drained.", "physically drained", ""},
		{"Celexa made me extremly tired.", "extremly tired", "severe"},
		{"I woke with a slihgt headache.", "slihgt headache", "mild"},
		// How a symptom came, after it.
		{"Zoloft made me cry uncontrollably.", "cry uncontrollably", ""},
		{"On Paxil I bruised easily.", "bruised easily", ""},
		// Another form of a modifier is not a misspelling of it: "decrease" is a verb.
		{"Paxil helped decrease nausea.", "nausea", ""},
		// The body part a symptom is felt in, before it or after it.
		{"I got heart palpitations on Adderall.", "heart palpitations", ""},
		{"Lipitor gave me lower leg cramps.", "lower leg cramps", ""},
		{"I had tingling of hands and feet.", "tingling of hands and feet", ""},
		{"I had aches throughout my whole body.", "aches throughout my whole body", ""},
		{"I had a tingly sensation.", "tingly sensation", ""},
		// The part the writer says it of, and the verb that joins them; not any subject.
		{"After a week on Paxil my mind was foggy.", "mind was foggy", ""},
		{"On Paxil my day was exhausting.", "exhausting", ""},
		// A body part followed by more words is not a trailer: it belongs to what follows.
		{"Zoloft gave me tingling hands.", "tingling hands", ""},
		{"I had tingling hand pain.", "tingling", ""},
		{"I had nausea, hand pain and fatigue.", "hand pain", ""},
		// A frequency or a duration is a mention of its own, outside the symptom's span.
		{"I had nausea every morning on Zoloft.", "nausea", ""},
		{"Paxil gave me bad headaches at night.", "bad headaches", "moderate"},
		{"I had dry mouth for two weeks.", "dry mouth", ""},
		// A modifier never crosses a mention or the sentence: "Zoloft" stays a drug.
		{"Severe. Headaches came later.", "Headaches", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ms := mentionsOf(t, tc.text)
			m := mustFind(t, ms, tc.text, tc.surface)
			for _, o := range ms {
				if o.Type == TypeSymptom && o.Start != m.Start && o.Start < m.End && m.Start < o.End {
					t.Errorf("%q overlaps %q", o.Text, m.Text)
				}
			}
			if m.Severity != tc.want {
				t.Errorf("%q: severity %q, want %q", tc.surface, m.Severity, tc.want)
			}
		})
	}
}

// Alcohol or heroin named once in passing is not the comment's drug; named as the
// writer's habit, more than once, it is.
func TestSubstanceInPassing(t *testing.T) {
	m := mustFind(t, mentionsOf(t, "Headaches every day and no sleep. Getting off it was worse than heroin."), "", "Headaches every day")
	if m.Drug != "" {
		t.Errorf("Headaches linked to %q, want no drug", m.Drug)
	}
	m = mustFind(t, mentionsOf(t, "I drank alcohol every night. Headaches every day. Quitting alcohol was hard."), "", "Headaches every day")
	if m.Drug != "alcohol" {
		t.Errorf("Headaches linked to %q, want alcohol", m.Drug)
	}
}

// Core keeps the words matched when a symptom's text takes in more.
func TestSymptomCore(t *testing.T) {
	text := "On Zoloft I had really bad headaches at night."
	if m := mustFind(t, mentionsOf(t, text), text, "really bad headaches"); m.Core != "headaches" {
		t.Errorf("core %q, want headaches", m.Core)
	}
	text = "On Zoloft I had headaches."
	if m := mustFind(t, mentionsOf(t, text), text, "headaches"); m.Core != "" {
		t.Errorf("core %q, want none", m.Core)
	}
}

// TestEffects checks that what a drug did or failed to do is an effect, with the context
// a symptom gets (drug, negation), and that the symptoms beside it stay symptoms.
func TestEffects(t *testing.T) {
	tests := []struct {
		text, surface, typ, concept, drug string
		negated                           bool
	}{
		{"Zoloft didn't work for my anxiety.", "didn't work", TypeEffect, "drug ineffective", "sertraline", false},
		{"Zoloft didn't work for my anxiety.", "anxiety", TypeSymptom, "anxiety", "sertraline", false},
		{"After a year on Lexapro it stopped working.", "stopped working", TypeEffect, "drug tolerance", "escitalopram", false},
		{"My Adderall wears off by 2 pm.", "wears off", TypeEffect, "wearing off", "dextroamphetamine and amphetamine", false},
		{"Effexor made my anxiety worse.", "made my anxiety worse", TypeEffect, "condition worsened", "venlafaxine", false},
		{"Effexor made my anxiety worse.", "anxiety", TypeSymptom, "anxiety", "venlafaxine", false},
		{"On Effexor my memory got worse.", "memory got worse", TypeSymptom, "memory impairment", "venlafaxine", false},
		{"Effexor gave me nausea, not that it did nothing.", "nausea", TypeSymptom, "nausea", "venlafaxine", false},
	}
	for _, tc := range tests {
		t.Run(tc.text+"/"+tc.surface, func(t *testing.T) {
			for _, m := range mentionsOf(t, tc.text) {
				if m.Text != tc.surface {
					continue
				}
				if m.Type != tc.typ || m.Concept != tc.concept || m.Drug != tc.drug || m.Negated != tc.negated {
					t.Errorf("%q: type %s, concept %q, drug %q, negated %v; want %s, %q, %q, %v",
						m.Text, m.Type, m.Concept, m.Drug, m.Negated, tc.typ, tc.concept, tc.drug, tc.negated)
				}
				return
			}
			t.Errorf("no mention %q in %v", tc.surface, mentionsOf(t, tc.text))
		})
	}
}

// A grading word misspelt by one letter is read as the word; another form of it is not.
func TestOneEditApart(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"severly", "severely", true},    // one dropped
		{"sevre", "severe", true},        // two swapped
		{"extremaly", "extremely", true}, // one changed
		{"occassional", "occasional", true},
		{"severe", "severe", false}, // the same word
		{"increase", "increased", false},
		{"horrible", "terrible", false},
		{"sever", "severely", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := oneEditApart(tc.a, tc.b); got != tc.want {
				t.Errorf("oneEditApart(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
