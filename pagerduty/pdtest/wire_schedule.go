package pdtest

import "time"

// wSchedule is a schedule, rendered over a window when one is given.
type wSchedule struct {
	wRef                               // id, type, summary and links, first as the API sends them
	Name                 string        `json:"name"`
	Description          string        `json:"description"`
	TimeZone             string        `json:"time_zone"`
	ScheduleLayers       []wLayer      `json:"schedule_layers"`
	FinalSchedule        *wSubSchedule `json:"final_schedule,omitempty"`
	OverridesSubschedule *wSubSchedule `json:"overrides_subschedule,omitempty"`
	EscalationPolicies   []wRef        `json:"escalation_policies"`
	Users                []wRef        `json:"users"`
	Teams                []wRef        `json:"teams"`
}

type wLayer struct {
	ID                         string        `json:"id"`
	Name                       string        `json:"name"`
	Start                      string        `json:"start"`
	End                        *string       `json:"end,omitempty"`
	RotationVirtualStart       string        `json:"rotation_virtual_start"`
	RotationTurnLengthSeconds  int           `json:"rotation_turn_length_seconds"`
	Users                      []wLayerUser  `json:"users"`
	Restrictions               []Restriction `json:"restrictions"`
	RenderedScheduleEntries    []wEntry      `json:"rendered_schedule_entries,omitempty"`
	RenderedCoveragePercentage *float64      `json:"rendered_coverage_percentage,omitempty"`
}

type wLayerUser struct {
	User wRef `json:"user"`
}

type wSubSchedule struct {
	Name                       string   `json:"name"`
	RenderedScheduleEntries    []wEntry `json:"rendered_schedule_entries"`
	RenderedCoveragePercentage *float64 `json:"rendered_coverage_percentage,omitempty"`
}

type wEntry struct {
	Start string `json:"start"`
	End   string `json:"end"`
	User  wRef   `json:"user"`
}

// window is a rendering window; zero means "not asked".
type window struct{ since, until time.Time }

func (w *window) set() bool { return w != nil && !w.since.IsZero() }

func (c *rc) entries(spans []span) []wEntry {
	out := make([]wEntry, 0, len(spans))
	for _, s := range spans {
		out = append(out, wEntry{Start: c.ts(s.Start), End: c.ts(s.End), User: c.userRef(s.UserID)})
	}
	return out
}

func (c *rc) schedule(sc *Schedule, win *window) wSchedule {
	w := wSchedule{wRef: c.ref("schedule", "schedules", sc.ID, sc.Name),
		Name: sc.Name, Description: sc.Description, TimeZone: orDefault(sc.TimeZone, "UTC"), ScheduleLayers: []wLayer{},
		EscalationPolicies: []wRef{}, Users: []wRef{}, Teams: []wRef{}}
	loc := c.st.location(sc.TimeZone)
	seen := map[string]bool{}
	// The API lists the layers with the one that wins first.
	for i := len(sc.Layers) - 1; i >= 0; i-- {
		l := &sc.Layers[i]
		wl := wLayer{ID: l.ID, Name: orDefault(l.Name, "Layer"), Start: c.ts(l.Start), End: c.tsp(l.End),
			RotationVirtualStart: c.ts(l.RotationVirtualStart), RotationTurnLengthSeconds: l.RotationTurnLengthSeconds,
			Users: []wLayerUser{}, Restrictions: l.Restrictions}
		if wl.Restrictions == nil {
			wl.Restrictions = []Restriction{}
		}
		for _, id := range l.UserIDs {
			wl.Users = append(wl.Users, wLayerUser{User: c.userRef(id)})
			if !seen[id] {
				seen[id] = true
				w.Users = append(w.Users, c.userRef(id))
			}
		}
		if win.set() {
			spans := renderLayer(l, loc, win.since, win.until)
			wl.RenderedScheduleEntries = c.entries(spans)
			cov := coverage(spans, win.since, win.until)
			wl.RenderedCoveragePercentage = &cov
		}
		w.ScheduleLayers = append(w.ScheduleLayers, wl)
	}
	if win.set() {
		final := renderFinal(sc, loc, win.since, win.until)
		fc := coverage(final, win.since, win.until)
		w.FinalSchedule = &wSubSchedule{Name: "Final Schedule", RenderedScheduleEntries: c.entries(final), RenderedCoveragePercentage: &fc}
		ov := renderOverrides(sc, win.since, win.until)
		oc := coverage(ov, win.since, win.until)
		w.OverridesSubschedule = &wSubSchedule{Name: "Overrides", RenderedScheduleEntries: c.entries(ov), RenderedCoveragePercentage: &oc}
	} else {
		w.FinalSchedule = &wSubSchedule{Name: "Final Schedule", RenderedScheduleEntries: []wEntry{}}
		w.OverridesSubschedule = &wSubSchedule{Name: "Overrides", RenderedScheduleEntries: []wEntry{}}
	}
	for _, e := range c.st.eps {
		if epTargetsSchedule(e, sc.ID) {
			w.EscalationPolicies = append(w.EscalationPolicies, c.epRef(e.ID))
		}
	}
	for _, id := range sc.TeamIDs {
		w.Teams = append(w.Teams, c.teamRef(id))
	}
	return w
}

func epTargetsSchedule(e *EscalationPolicy, id string) bool {
	for _, r := range e.Rules {
		for _, t := range r.Targets {
			if t.Type == "schedule" && t.ID == id {
				return true
			}
		}
	}
	return false
}

// wOverride is a schedule override.
type wOverride struct {
	ID    string `json:"id"`
	Start string `json:"start"`
	End   string `json:"end"`
	User  wRef   `json:"user"`
}

func (c *rc) override(o *Override) wOverride {
	return wOverride{ID: o.ID, Start: c.ts(o.Start), End: c.ts(o.End), User: c.userRef(o.UserID)}
}

// wOncall is an on-call entry.
type wOncall struct {
	EscalationPolicy any     `json:"escalation_policy"`
	EscalationLevel  int     `json:"escalation_level"`
	Schedule         any     `json:"schedule,omitempty"`
	User             any     `json:"user"`
	Start            *string `json:"start,omitempty"`
	End              *string `json:"end,omitempty"`
}

// oncall is an on-call entry before rendering. Start and End are zero for
// a user targeted directly (always on call).
type oncall struct {
	epID       string
	level      int
	scheduleID string
	userID     string
	start, end time.Time
}

func (c *rc) oncall(o oncall) wOncall {
	w := wOncall{EscalationLevel: o.level, EscalationPolicy: c.epOrRef(o.epID), User: c.userOrRef("users", o.userID)}
	if o.scheduleID != "" {
		w.Schedule = c.scheduleOrRef("schedules", o.scheduleID)
		w.Start, w.End = c.tsp(&o.start), c.tsp(&o.end)
	}
	return w
}

// wMaintenanceWindow is a maintenance window.
type wMaintenanceWindow struct {
	wRef                  // id, type, summary and links, first as the API sends them
	SequenceNumber int    `json:"sequence_number"`
	StartTime      string `json:"start_time"`
	EndTime        string `json:"end_time"`
	Description    string `json:"description"`
	CreatedBy      *wRef  `json:"created_by,omitempty"`
	Services       []wRef `json:"services"`
	Teams          []wRef `json:"teams"`
}

func (c *rc) maintenanceWindow(m *MaintenanceWindow) wMaintenanceWindow {
	w := wMaintenanceWindow{wRef: c.ref("maintenance_window", "maintenance_windows", m.ID, m.Description),
		SequenceNumber: m.SequenceNumber, StartTime: c.ts(m.StartTime),
		EndTime: c.ts(m.EndTime), Description: m.Description, Services: []wRef{}, Teams: []wRef{}}
	if m.CreatedByID != "" {
		r := c.userRef(m.CreatedByID)
		w.CreatedBy = &r
	}
	seen := map[string]bool{}
	for _, id := range m.ServiceIDs {
		w.Services = append(w.Services, c.serviceRef(id))
		if s := c.st.svcByID[id]; s != nil {
			for _, t := range c.st.teamIDsOfService(s) {
				if !seen[t] {
					seen[t] = true
					w.Teams = append(w.Teams, c.teamRef(t))
				}
			}
		}
	}
	return w
}
