package analyze

import "math"

// Disproportionality is the signal screen of one drug x symptom pair: the 2x2 table of
// commenters and the disproportionality statistics of pharmacovigilance computed from it.
//
// The table (counts of commenters, see Summary for the population):
//
//	                        symptom as adverse   not
//	drug                    A                    B
//	other drugs only        C                    D
//
// PRR = (A/(A+B)) / (C/(C+D)), with the 95% interval exp(ln PRR ± 1.96·√(1/A − 1/(A+B) +
// 1/C − 1/(C+D))) (Evans, Waller and Davis, Pharmacoepidemiol Drug Saf 2001;10:483-486;
// the log-scale interval of Rothman's Modern Epidemiology). ROR = (A·D) / (B·C), with
// exp(ln ROR ± 1.96·√(1/A + 1/B + 1/C + 1/D)) (van Puijenbroek et al., Pharmacoepidemiol
// Drug Saf 2002;11:3-10). Chi2 is Pearson's chi-square with Yates's continuity correction,
// as Evans et al. use: N·max(0, |AD − BC| − N/2)² / ((A+B)(C+D)(A+C)(B+D)).
//
// No zero-cell (Haldane) correction is applied: a figure whose formula divides by zero or
// takes the log of zero is nil (null in JSON, an empty cell in tables), never NaN or Inf.
// So PRR needs A+B > 0 and C > 0 (and its interval A > 0 too), ROR needs B > 0 and C > 0
// (its interval all four cells > 0), and chi-square every margin > 0.
type Disproportionality struct {
	A       int      `json:"a"` // commenters who report the symptom as an adverse effect of the drug
	B       int      `json:"b"` // commenters who report other adverse effects of the drug, not this one
	C       int      `json:"c"` // commenters who report the symptom as an adverse effect of other drugs only
	D       int      `json:"d"` // commenters who report other adverse effects of other drugs only
	PRR     *float64 `json:"prr"`
	PRRLow  *float64 `json:"prr_low"`
	PRRHigh *float64 `json:"prr_high"`
	ROR     *float64 `json:"ror"`
	RORLow  *float64 `json:"ror_low"`
	RORHigh *float64 `json:"ror_high"`
	Chi2    *float64 `json:"chi2"`
	// Signal is Evans's rule: PRR >= 2, chi-square >= 4 and A >= 3. A pair without a
	// comparator (C = 0, PRR undefined) is not flagged.
	Signal bool `json:"signal"`
}

// z95 is the normal quantile of a two-sided 95% interval, rounded as the published
// formulas (and their worked examples) round it.
const z95 = 1.96

// Disproportion computes the statistics of the 2x2 table a, b, c, d (see
// Disproportionality), unrounded.
func Disproportion(a, b, c, d int) Disproportionality {
	r := Disproportionality{A: a, B: b, C: c, D: d}
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return r
	}
	A, B, C, D := float64(a), float64(b), float64(c), float64(d)
	N := A + B + C + D
	if a+b > 0 && c > 0 {
		prr := (A / (A + B)) / (C / (C + D))
		r.PRR = &prr
		if a > 0 {
			se := math.Sqrt(1/A - 1/(A+B) + 1/C - 1/(C+D))
			r.PRRLow, r.PRRHigh = interval(prr, se)
		}
	}
	if b > 0 && c > 0 {
		ror := A * D / (B * C)
		r.ROR = &ror
		if a > 0 && d > 0 {
			se := math.Sqrt(1/A + 1/B + 1/C + 1/D)
			r.RORLow, r.RORHigh = interval(ror, se)
		}
	}
	if den := (A + B) * (C + D) * (A + C) * (B + D); den > 0 {
		x := math.Max(0, math.Abs(A*D-B*C)-N/2)
		chi2 := N * x * x / den
		r.Chi2 = &chi2
	}
	r.Signal = r.PRR != nil && *r.PRR >= 2 && r.Chi2 != nil && *r.Chi2 >= 4 && a >= 3
	return r
}

func interval(v, se float64) (*float64, *float64) {
	lo, hi := math.Exp(math.Log(v)-z95*se), math.Exp(math.Log(v)+z95*se)
	return &lo, &hi
}

// rounded returns a copy with every figure rounded to n decimals (the flag is kept as
// computed on the unrounded figures).
func (r Disproportionality) rounded(n int) Disproportionality {
	p := math.Pow(10, float64(n))
	round := func(f *float64) *float64 {
		if f == nil {
			return nil
		}
		v := math.Round(*f*p) / p
		return &v
	}
	r.PRR, r.PRRLow, r.PRRHigh = round(r.PRR), round(r.PRRLow), round(r.PRRHigh)
	r.ROR, r.RORLow, r.RORHigh = round(r.ROR), round(r.RORLow), round(r.RORHigh)
	r.Chi2 = round(r.Chi2)
	return r
}
