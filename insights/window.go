package insights

import (
	"errors"
	"fmt"
	"time"
)

// ErrInvalidInput is wrapped by every error this package returns for input
// it cannot compute with, so callers can tell bad input from other failures
// with errors.Is.
var ErrInvalidInput = errors.New("invalid input")

// invalid returns an error wrapping ErrInvalidInput that says what was wrong
// and what is accepted.
func invalid(format string, args ...any) error {
	return fmt.Errorf("insights: "+format+": %w", append(args, ErrInvalidInput)...)
}

// Window is the half-open period [Start, End) a computation covers. Shifts
// are clipped to it; incidents count when they were created inside it.
type Window struct {
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

// IsZero reports whether neither bound is set.
func (w Window) IsZero() bool { return w.Start.IsZero() && w.End.IsZero() }

// Duration is the length of the window.
func (w Window) Duration() time.Duration { return w.End.Sub(w.Start) }

// Contains reports whether t lies in [Start, End).
func (w Window) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// check refuses a window that lacks a bound or ends before it starts.
func (w Window) check() error {
	if w.Start.IsZero() || w.End.IsZero() {
		return invalid("window needs both a start and an end (got start %s, end %s)", fmtTime(w.Start), fmtTime(w.End))
	}
	if !w.End.After(w.Start) {
		return invalid("window end %s is not after its start %s", fmtTime(w.End), fmtTime(w.Start))
	}
	return nil
}

// maxShiftWindow bounds the windows of the on-call computations, which walk
// every local day of every shift: ten years is far beyond any schedule's
// use and keeps a mistyped year from costing minutes of work.
const maxShiftWindow = 3653 * 24 * time.Hour

// checkShiftWindow is check plus the bound on length.
func (w Window) checkShiftWindow() error {
	if err := w.check(); err != nil {
		return err
	}
	if w.Duration() > maxShiftWindow {
		return invalid("window from %s to %s is longer than ten years, the most on-call reports cover: give a shorter window", fmtTime(w.Start), fmtTime(w.End))
	}
	return nil
}

// checkOptional accepts the zero window (no bounds) or a valid one.
func (w Window) checkOptional() error {
	if w.IsZero() {
		return nil
	}
	return w.check()
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "(unset)"
	}
	return t.Format(time.RFC3339)
}

// DataUsed says what a result was computed from, so a reader can judge it:
// the window, how many records came in and how many fell inside the window,
// and whether the caller stopped listing before the data ran out.
type DataUsed struct {
	Window Window `json:"window"`
	// Records is how many input records (shifts, incidents) were given.
	Records int `json:"records"`
	// InWindow is how many of them overlap (shifts) or were created in
	// (incidents) the window.
	InWindow int `json:"in_window"`
	// LogEntries is how many log entries were given, when the computation
	// reads them.
	LogEntries int `json:"log_entries,omitempty"`
	// Truncated is true when the caller stopped listing early: the figures
	// then describe a part of the data, not all of it.
	Truncated bool `json:"truncated"`
}

// interval is a half-open period of absolute time.
type interval struct{ start, end time.Time }

func (iv interval) dur() time.Duration { return iv.end.Sub(iv.start) }

// clip cuts iv to w; ok is false when nothing is left. A zero start or end
// on iv means unbounded on that side.
func clip(iv interval, w Window) (interval, bool) {
	if iv.start.IsZero() || iv.start.Before(w.Start) {
		iv.start = w.Start
	}
	if iv.end.IsZero() || iv.end.After(w.End) {
		iv.end = w.End
	}
	return iv, iv.end.After(iv.start)
}

// merge sorts intervals and joins those that overlap or touch. It reuses
// the slice it is given.
func merge(ivs []interval) []interval {
	if len(ivs) < 2 {
		return ivs
	}
	sortIntervals(ivs)
	out := ivs[:1]
	for _, iv := range ivs[1:] {
		last := &out[len(out)-1]
		if !iv.start.After(last.end) {
			if iv.end.After(last.end) {
				last.end = iv.end
			}
			continue
		}
		out = append(out, iv)
	}
	return out
}

// hours converts a duration to hours.
func hours(d time.Duration) float64 { return d.Hours() }

// minutes converts a duration to minutes.
func minutes(d time.Duration) float64 { return d.Minutes() }
