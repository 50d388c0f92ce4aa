package analyze

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The expected figures were computed apart from this code, with python3 and the formulas
// as published (Evans et al. 2001; van Puijenbroek et al. 2002; the Heliyon 2024;10:e33417
// table 2 summary of both, CI = exp(ln X ± 1.96·se)):
//
//	from math import *
//	def st(a, b, c, d):
//	    n = a+b+c+d
//	    prr = (a/(a+b))/(c/(c+d)); se = sqrt(1/a-1/(a+b)+1/c-1/(c+d))
//	    ror = a*d/(b*c); se2 = sqrt(1/a+1/b+1/c+1/d)
//	    chi2 = n*max(0, abs(a*d-b*c)-n/2)**2/((a+b)*(c+d)*(a+c)*(b+d))  # Yates
//	    return prr, exp(log(prr)-1.96*se), exp(log(prr)+1.96*se), ror, exp(log(ror)-1.96*se2), exp(log(ror)+1.96*se2), chi2
//
// and (an undefined figure is nil) with each formula's zero-cell conditions applied.
func TestDisproportionWorkedExamples(t *testing.T) {
	none := math.NaN() // nil expected
	tests := []struct {
		name       string
		a, b, c, d int
		// prr, prr_low, prr_high, ror, ror_low, ror_high, chi2
		want   [7]float64
		signal bool
	}{
		// The worked example of the novapharmanews.com "Signal Detection Calculator"
		// (A=6, B=94, C=120, D=9,880): PRR (6/100)/(120/10,000) = 5.00, ROR
		// (6x9,880)/(94x120) = 5.26, a signal by PRR >= 2, chi-square >= 4, A >= 3. (Its
		// chi-square, "about 17.1", is not what its own uncorrected formula gives, 18.517;
		// the Yates-corrected figure is 14.825.)
		{"published example", 6, 94, 120, 9880, [7]float64{5.000, 2.256, 11.082, 5.255, 2.258, 12.231, 14.825}, true},
		// By hand: PRR (3/10)/(2/40) = 6; ROR 3x38/(7x2) = 8.143; Yates chi-square
		// 50x(|114-14|-25)^2/(10x40x5x45) = 281250/90000 = 3.125 < 4: PRR and A pass
		// but chi-square fails, so no signal.
		{"chi-square fails", 3, 7, 2, 38, [7]float64{6.000, 1.153, 31.229, 8.143, 1.144, 57.951, 3.125}, false},
		// PRR (10/100)/(20/900) = 4.5.
		{"signal", 10, 90, 20, 880, [7]float64{4.500, 2.168, 9.342, 4.889, 2.220, 10.767, 16.132}, true},
		// A < 3 with PRR and chi-square high enough otherwise would still not flag:
		// PRR (2/2)/(1/11) = 11, ROR undefined (B = 0), chi2 3.590.
		{"no B", 2, 0, 1, 10, [7]float64{11.000, 1.697, 71.285, none, none, none, 3.590}, false},
		// C = 0: no comparator, PRR and ROR undefined, chi-square 8x(15-4)^2/225 = 4.302;
		// not flagged.
		{"no comparator", 3, 0, 0, 5, [7]float64{none, none, none, none, none, none, 4.302}, false},
		// A = 0: PRR and ROR are 0, their log-scale intervals undefined.
		{"no A", 0, 5, 3, 10, [7]float64{0, none, none, 0, none, none, 0.222}, false},
		// Intervals that take in 1.
		{"wide", 4, 10, 3, 30, [7]float64{3.143, 0.806, 12.248, 4.000, 0.761, 21.022, 1.607}, false},
		// No commenters at all: everything undefined.
		{"empty", 0, 0, 0, 0, [7]float64{none, none, none, none, none, none, none}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Disproportion(tt.a, tt.b, tt.c, tt.d)
			got := [7]*float64{r.PRR, r.PRRLow, r.PRRHigh, r.ROR, r.RORLow, r.RORHigh, r.Chi2}
			names := [7]string{"prr", "prr_low", "prr_high", "ror", "ror_low", "ror_high", "chi2"}
			for i, w := range tt.want {
				switch {
				case math.IsNaN(w) && got[i] != nil:
					t.Errorf("%s = %v, want undefined", names[i], *got[i])
				case !math.IsNaN(w) && got[i] == nil:
					t.Errorf("%s undefined, want %.3f", names[i], w)
				case !math.IsNaN(w) && math.Abs(*got[i]-w) > 0.0005:
					t.Errorf("%s = %.4f, want %.3f", names[i], *got[i], w)
				}
			}
			if r.Signal != tt.signal {
				t.Errorf("signal = %v, want %v", r.Signal, tt.signal)
			}
			if r.A != tt.a || r.B != tt.b || r.C != tt.c || r.D != tt.d {
				t.Errorf("counts %d %d %d %d", r.A, r.B, r.C, r.D)
			}
			// Undefined figures are null in JSON, never NaN or Inf (which would not encode).
			b, err := json.Marshal(r.rounded(3))
			if err != nil {
				t.Fatal(err)
			}
			if s := string(b); strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Errorf("json %s", s)
			}
		})
	}
}

// The signal rule's thresholds are inclusive (PRR >= 2, chi-square >= 4, A >= 3), and all
// three must hold.
func TestDisproportionThresholds(t *testing.T) {
	tests := []struct {
		a, b, c, d int
		signal     bool
	}{
		{20, 80, 100, 900, true}, // PRR (20/100)/(100/1000) = 2 exactly, chi2 8.353
		{10, 40, 50, 450, false}, // PRR 2 exactly, chi2 3.705
		{3, 1, 2, 30, true},      // A = 3, PRR 12, chi2 36x(88-18)^2/(4x32x5x31) = 8.891
		{2, 1, 1, 30, false},     // A = 2
	}
	for _, tt := range tests {
		if r := Disproportion(tt.a, tt.b, tt.c, tt.d); r.Signal != tt.signal {
			t.Errorf("%d %d %d %d: PRR %v chi2 %v signal %v, want %v", tt.a, tt.b, tt.c, tt.d, deref(r.PRR), deref(r.Chi2), r.Signal, tt.signal)
		}
	}
	if r := Disproportion(-1, 3, 12, 36); r.PRR != nil || r.Chi2 != nil || r.Signal {
		t.Errorf("negative count gave figures: %+v", r)
	}
}

func deref(f *float64) float64 {
	if f == nil {
		return math.NaN()
	}
	return *f
}
