package insights

import (
	"math"
	"slices"
	"time"
)

// DurationStats summarises a set of durations, in minutes.
type DurationStats struct {
	// Count is how many durations were measured.
	Count int `json:"count"`
	// Mean, Median, P90, P95, Min and Max are in minutes; all are zero when
	// Count is zero.
	Mean   float64 `json:"mean_minutes"`
	Median float64 `json:"median_minutes"`
	P90    float64 `json:"p90_minutes"`
	P95    float64 `json:"p95_minutes"`
	Min    float64 `json:"min_minutes"`
	Max    float64 `json:"max_minutes"`
}

// PercentileMethod states how percentiles (and the median) are computed.
const PercentileMethod = "Percentiles interpolate linearly between the two nearest ranks: sort the n " +
	"values, take h = (n-1)*p; the p-th percentile is x[floor(h)] + (h-floor(h))*(x[floor(h)+1]-x[floor(h)]) " +
	"(the default of NumPy and spreadsheet PERCENTILE.INC). The median is the 50th percentile, so for " +
	"an even count it is the mean of the two middle values."

// Percentile returns the p-th percentile (0 <= p <= 1) of values, which it
// sorts in place, by linear interpolation between the nearest ranks
// (PercentileMethod). It returns 0 for no values, and clamps p to [0, 1].
func Percentile(values []float64, p float64) float64 {
	if len(values) == 0 {
		return 0
	}
	slices.Sort(values)
	return percentileSorted(values, p)
}

func percentileSorted(x []float64, p float64) float64 {
	p = math.Max(0, math.Min(1, p))
	h := float64(len(x)-1) * p
	lo := int(math.Floor(h))
	if lo >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}

// durationStats summarises ds (it sorts them).
func durationStats(ds []time.Duration) DurationStats {
	s := DurationStats{Count: len(ds)}
	if len(ds) == 0 {
		return s
	}
	x := make([]float64, len(ds))
	var sum time.Duration
	for i, d := range ds {
		x[i] = minutes(d)
		sum += d
	}
	slices.Sort(x)
	s.Mean = minutes(sum) / float64(len(ds))
	s.Median = percentileSorted(x, 0.5)
	s.P90 = percentileSorted(x, 0.9)
	s.P95 = percentileSorted(x, 0.95)
	s.Min, s.Max = x[0], x[len(x)-1]
	return s
}
