package insights

import (
	"testing"
	"time"
)

// gapsString shows gaps as "HH:MM-HH:MM" in UTC, for comparison.
func gapsString(gs []Gap) []string {
	out := []string{}
	for _, g := range gs {
		out = append(out, g.Start.UTC().Format("02 15:04")+"-"+g.End.UTC().Format("02 15:04"))
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCoverageGapsOfSchedule(t *testing.T) {
	// Window: Friday 2024-03-01, 24 h. Entries 00-08, 09-17 and 16-20
	// (overlapping the previous one). Uncovered: 08-09 (1 h) and 20-24
	// (4 h) = 5 h; covered 19 h = 19/24 = 79.1666...%.
	w := Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")}
	shifts := []Shift{
		{UserID: "U2", Start: utc(t, "2024-03-01 09:00"), End: utc(t, "2024-03-01 17:00")},
		{UserID: "U1", Start: utc(t, "2024-03-01 00:00"), End: utc(t, "2024-03-01 08:00")},
		{UserID: "U1", Start: utc(t, "2024-03-01 16:00"), End: utc(t, "2024-03-01 20:00")},
		{UserID: "U3", Start: utc(t, "2024-03-05 00:00"), End: utc(t, "2024-03-06 00:00")}, // outside
	}
	r, err := CoverageGaps(shifts, CoverageOptions{Window: w})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := gapsString(r.Gaps), []string{"01 08:00-01 09:00", "01 20:00-02 00:00"}; !equalStrings(got, want) {
		t.Errorf("gaps = %v, want %v", got, want)
	}
	wantNear(t, "first gap hours", r.Gaps[0].Hours, 1)
	wantNear(t, "second gap hours", r.Gaps[1].Hours, 4)
	wantNear(t, "gap hours", r.GapHours, 5)
	wantNear(t, "covered hours", r.CoveredHours, 19)
	wantNear(t, "covered percent", r.CoveredPercent, 100*19.0/24)
	if r.Data.Records != 4 || r.Data.InWindow != 3 {
		t.Errorf("data = %+v, want 4 records, 3 in window", r.Data)
	}
	if r.Levels != nil {
		t.Errorf("levels = %+v, want none for shifts without levels", r.Levels)
	}
}

func TestCoverageGapsOfEscalationPolicy(t *testing.T) {
	// Level 1 covers 00-12, level 2 covers 06-20. The policy is covered
	// while either is: 00-20, so the gap is 20-24 (4 h). Level 1 alone
	// misses 12-24 (12 h, covered 50%); level 2 alone misses 00-06 and
	// 20-24 (10 h, covered 14/24).
	w := Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")}
	shifts := []Shift{
		{UserID: "U1", Level: 1, Start: utc(t, "2024-03-01 00:00"), End: utc(t, "2024-03-01 12:00")},
		{UserID: "U2", Level: 2, Start: utc(t, "2024-03-01 06:00"), End: utc(t, "2024-03-01 20:00")},
	}
	r, err := CoverageGaps(shifts, CoverageOptions{Window: w})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := gapsString(r.Gaps), []string{"01 20:00-02 00:00"}; !equalStrings(got, want) {
		t.Errorf("policy gaps = %v, want %v", got, want)
	}
	if len(r.Levels) != 2 {
		t.Fatalf("levels = %+v, want 2", r.Levels)
	}
	l1, l2 := r.Levels[0], r.Levels[1]
	if l1.Level != 1 || !equalStrings(gapsString(l1.Gaps), []string{"01 12:00-02 00:00"}) {
		t.Errorf("level 1 = %+v, want gap 12-24", l1)
	}
	wantNear(t, "level 1 covered percent", l1.CoveredPercent, 50)
	if l2.Level != 2 || !equalStrings(gapsString(l2.Gaps), []string{"01 00:00-01 06:00", "01 20:00-02 00:00"}) {
		t.Errorf("level 2 = %+v, want gaps 00-06 and 20-24", l2)
	}
	wantNear(t, "level 2 gap hours", l2.GapHours, 10)
	wantNear(t, "level 2 covered percent", l2.CoveredPercent, 100*14.0/24)
}

func TestCoverageGapsEdges(t *testing.T) {
	w := Window{utc(t, "2024-03-01 00:00"), utc(t, "2024-03-02 00:00")}
	// No shifts: the whole window is one gap.
	r, err := CoverageGaps(nil, CoverageOptions{Window: w, Truncated: true})
	if err != nil {
		t.Fatal(err)
	}
	if !equalStrings(gapsString(r.Gaps), []string{"01 00:00-02 00:00"}) || !near(r.CoveredPercent, 0) || !r.Data.Truncated {
		t.Errorf("no shifts: %+v, want one 24 h gap, 0%% covered, truncated", r)
	}
	// A permanent entry (no start, no end) covers it all.
	r, err = CoverageGaps([]Shift{{UserID: "U1", Level: 1}}, CoverageOptions{Window: w})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Gaps) != 0 || !near(r.CoveredPercent, 100) {
		t.Errorf("permanent entry: gaps %v, %.1f%% covered; want none, 100%%", gapsString(r.Gaps), r.CoveredPercent)
	}
	// Entries that touch leave no gap between them.
	r, err = CoverageGaps([]Shift{
		{UserID: "U1", Start: w.Start, End: w.Start.Add(12 * time.Hour)},
		{UserID: "U2", Start: w.Start.Add(12 * time.Hour), End: w.End},
	}, CoverageOptions{Window: w})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Gaps) != 0 {
		t.Errorf("touching entries: gaps %v, want none", gapsString(r.Gaps))
	}
	// An empty window is refused.
	if _, err := CoverageGaps(nil, CoverageOptions{Window: Window{w.Start, w.Start}}); err == nil {
		t.Error("empty window: no error")
	}
	if _, err := CoverageGaps([]Shift{{UserID: "U1", Level: -1}}, CoverageOptions{Window: w}); err == nil {
		t.Error("negative level: no error")
	}
}
