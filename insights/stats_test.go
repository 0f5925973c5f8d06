package insights

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	tests := []struct {
		name                   string
		values                 []float64
		median, p90, p95, p100 float64
	}{
		// One value: every percentile is that value.
		{"one value", []float64{7}, 7, 7, 7, 7},
		// Two values 10, 20: h = (2-1)p. Median h=0.5: 10+0.5*10 = 15;
		// p90 h=0.9: 19; p95 h=0.95: 19.5.
		{"two values", []float64{20, 10}, 15, 19, 19.5, 20},
		// 1..10, shuffled: h = 9p. Median h=4.5: x[4]=5, x[5]=6 -> 5.5;
		// p90 h=8.1: x[8]=9 + 0.1*(10-9) = 9.1; p95 h=8.55: 9.55.
		{"ten values", []float64{3, 10, 1, 7, 5, 2, 9, 4, 8, 6}, 5.5, 9.1, 9.55, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNear(t, "median", Percentile(tt.values, 0.5), tt.median)
			wantNear(t, "p90", Percentile(tt.values, 0.9), tt.p90)
			wantNear(t, "p95", Percentile(tt.values, 0.95), tt.p95)
			wantNear(t, "p100", Percentile(tt.values, 1), tt.p100)
		})
	}
	if got := Percentile(nil, 0.5); got != 0 {
		t.Errorf("no values: %v, want 0", got)
	}
	// p outside [0, 1] is clamped.
	wantNear(t, "p>1", Percentile([]float64{1, 2}, 3), 2)
	wantNear(t, "p<0", Percentile([]float64{1, 2}, -1), 1)
}

func TestDurationStatsInMinutes(t *testing.T) {
	// 2, 4 and 12 minutes: mean 18/3 = 6; median 4; p90 h = 2*0.9 = 1.8:
	// 4 + 0.8*(12-4) = 10.4; p95 h = 1.9: 4 + 0.9*8 = 11.2.
	s := durationStats([]time.Duration{12 * time.Minute, 2 * time.Minute, 4 * time.Minute})
	if s.Count != 3 {
		t.Fatalf("count = %d, want 3", s.Count)
	}
	wantNear(t, "mean", s.Mean, 6)
	wantNear(t, "median", s.Median, 4)
	wantNear(t, "p90", s.P90, 10.4)
	wantNear(t, "p95", s.P95, 11.2)
	wantNear(t, "min", s.Min, 2)
	wantNear(t, "max", s.Max, 12)
	if z := durationStats(nil); z != (DurationStats{}) {
		t.Errorf("no durations: %+v, want zero", z)
	}
}
