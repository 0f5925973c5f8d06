package insights

import (
	"slices"
	"time"
)

// CoverageOptions selects the window of a coverage computation.
type CoverageOptions struct {
	Window Window
	// Truncated tells the report that the shifts given are not all there
	// are.
	Truncated bool
}

// CoverageReport lists the times inside a window when nobody is on call.
type CoverageReport struct {
	Data   DataUsed `json:"data"`
	Method string   `json:"method"`
	// Gaps are the uncovered intervals, merged and in time order.
	Gaps         []Gap   `json:"gaps"`
	CoveredHours float64 `json:"covered_hours"`
	GapHours     float64 `json:"gap_hours"`
	// CoveredPercent is CoveredHours over the window's hours, times 100.
	CoveredPercent float64 `json:"covered_percent"`
	// Levels holds each escalation level's own coverage, when the shifts
	// carry more than one level.
	Levels []LevelCoverage `json:"levels,omitempty"`
}

// Gap is an interval with nobody on call.
type Gap struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Hours float64   `json:"hours"`
}

// LevelCoverage is the coverage of one escalation level alone.
type LevelCoverage struct {
	Level          int     `json:"level"`
	Gaps           []Gap   `json:"gaps"`
	GapHours       float64 `json:"gap_hours"`
	CoveredPercent float64 `json:"covered_percent"`
}

// CoverageMethod describes the coverage computation.
const CoverageMethod = "A moment is covered when at least one shift (of any user, any schedule, any " +
	"escalation level) includes it. Shifts are clipped to the window and their union taken; the gaps " +
	"are the rest of the window, with touching gaps joined. For an escalation policy, pass the shifts " +
	"of all its levels: the policy is covered while any level has someone on call, and each level's own " +
	"gaps are listed too. Percentages are of the window's elapsed hours."

// CoverageGaps finds the uncovered intervals of a window given the shifts
// of a schedule's final (rendered) schedule, or of an escalation policy's
// levels (the on-call entries of the policy). CoverageMethod states the
// rules.
func CoverageGaps(shifts []Shift, opts CoverageOptions) (*CoverageReport, error) {
	w := opts.Window
	if err := w.check(); err != nil {
		return nil, err
	}
	all := make([]interval, 0, len(shifts))
	byLevel := map[int][]interval{}
	for i, s := range shifts {
		if !s.Start.IsZero() && !s.End.IsZero() && s.End.Before(s.Start) {
			return nil, invalid("shift %d of user %s ends (%s) before it starts (%s)", i, s.UserID, fmtTime(s.End), fmtTime(s.Start))
		}
		if s.Level < 0 {
			return nil, invalid("shift %d has level %d: levels count from 1 (0 when unknown)", i, s.Level)
		}
		if _, ok := byLevel[s.Level]; !ok {
			byLevel[s.Level] = nil
		}
		iv, ok := clip(interval{s.Start, s.End}, w)
		if !ok {
			continue
		}
		all = append(all, iv)
		byLevel[s.Level] = append(byLevel[s.Level], iv)
	}
	r := &CoverageReport{
		Data:   DataUsed{Window: w, Records: len(shifts), InWindow: len(all), Truncated: opts.Truncated},
		Method: CoverageMethod,
	}
	var gapDur time.Duration
	r.Gaps, gapDur = gaps(all, w)
	r.GapHours = hours(gapDur)
	r.CoveredHours = hours(w.Duration() - gapDur)
	r.CoveredPercent = percent(w.Duration()-gapDur, w.Duration())
	if len(byLevel) > 1 {
		levels := make([]int, 0, len(byLevel))
		for l := range byLevel {
			levels = append(levels, l)
		}
		slices.Sort(levels)
		for _, l := range levels {
			g, d := gaps(byLevel[l], w)
			r.Levels = append(r.Levels, LevelCoverage{Level: l, Gaps: g, GapHours: hours(d), CoveredPercent: percent(w.Duration()-d, w.Duration())})
		}
	}
	return r, nil
}

// gaps returns the parts of w that ivs (clipped to w) leave uncovered, and
// their total length. It reorders ivs.
func gaps(ivs []interval, w Window) ([]Gap, time.Duration) {
	out := []Gap{}
	var total time.Duration
	cursor := w.Start
	add := func(from, to time.Time) {
		if to.After(from) {
			out = append(out, Gap{Start: from, End: to, Hours: hours(to.Sub(from))})
			total += to.Sub(from)
		}
	}
	for _, iv := range merge(ivs) {
		add(cursor, iv.start)
		if iv.end.After(cursor) {
			cursor = iv.end
		}
	}
	add(cursor, w.End)
	return out, total
}

// percent is part over whole times 100, 0 when whole is 0.
func percent(part, whole time.Duration) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}
