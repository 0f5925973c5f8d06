package insights

import (
	"cmp"
	"slices"
	"time"
)

// Shift is one period a user is on call. It is the input of the on-call
// computations (hours, balance, coverage gaps, payroll); build it by hand or
// with ShiftsFromOnCalls and ShiftsFromSchedule.
type Shift struct {
	UserID   string `json:"user_id"`
	UserName string `json:"user_name,omitempty"`
	// TimeZone is the user's IANA zone ("Europe/Berlin"), used for night
	// and weekend hours unless the options name a zone for everyone.
	TimeZone string `json:"time_zone,omitempty"`
	// Start and End bound the shift. A zero Start or End means the shift
	// is open on that side (a user an escalation policy targets directly
	// is on call permanently): it is clipped to the window like any other.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// ScheduleID is the schedule the shift comes from, if any.
	ScheduleID string `json:"schedule_id,omitempty"`
	// Level is the escalation level the shift covers, from 1, or 0 when
	// unknown. Coverage gaps are also reported per level when shifts carry
	// more than one.
	Level int `json:"level,omitempty"`
}

// User names a person for the on-call computations: users listed in the
// options appear in the results even without a shift (they count in the
// balance with zero hours), and their names and zones fill in what the
// shifts lack.
type User struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	TimeZone string `json:"time_zone,omitempty"`
}

func sortIntervals(ivs []interval) {
	slices.SortFunc(ivs, func(a, b interval) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		return a.end.Compare(b.end)
	})
}

// person gathers one user's shifts before they are merged.
type person struct {
	id, name, zone string
	ivs            []interval
	schedules      []string
}

// groupShifts collects the shifts of each user, clipped to w, in the order
// of the user IDs. Users named in extra appear even without shifts. It also
// returns how many shifts overlap the window.
func groupShifts(shifts []Shift, extra []User, w Window) ([]*person, int, error) {
	byID := make(map[string]*person)
	get := func(id string) *person {
		p := byID[id]
		if p == nil {
			p = &person{id: id}
			byID[id] = p
		}
		return p
	}
	for _, u := range extra {
		if u.ID == "" {
			return nil, 0, invalid("a user in the options has no ID")
		}
		p := get(u.ID)
		p.name, p.zone = u.Name, u.TimeZone
	}
	inWindow := 0
	for i, s := range shifts {
		if s.UserID == "" {
			return nil, 0, invalid("shift %d has no user ID", i)
		}
		if !s.Start.IsZero() && !s.End.IsZero() && s.End.Before(s.Start) {
			return nil, 0, invalid("shift %d of user %s ends (%s) before it starts (%s)", i, s.UserID, fmtTime(s.End), fmtTime(s.Start))
		}
		p := get(s.UserID)
		if p.name == "" {
			p.name = s.UserName
		}
		if p.zone == "" {
			p.zone = s.TimeZone
		}
		iv, ok := clip(interval{s.Start, s.End}, w)
		if !ok {
			continue
		}
		inWindow++
		p.ivs = append(p.ivs, iv)
		if s.ScheduleID != "" && !slices.Contains(p.schedules, s.ScheduleID) {
			p.schedules = append(p.schedules, s.ScheduleID)
		}
	}
	out := make([]*person, 0, len(byID))
	for _, p := range byID {
		p.ivs = merge(p.ivs)
		slices.Sort(p.schedules)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *person) int { return cmp.Compare(a.id, b.id) })
	return out, inWindow, nil
}

// shiftInput is what the shift reports (hours, payroll) start from: the day
// parts with their defaults, a zone cache holding the asked-for zone, and
// the shifts grouped by person.
type shiftInput struct {
	parts  DayParts
	people []*person
	zs     zones
	zone   string // the zone asked for, which overrides each person's
	data   DataUsed
}

// location is the zone p's hours are counted in: the one asked for, or
// p's own.
func (in *shiftInput) location(p *person) (*time.Location, error) {
	zone := p.zone
	if in.zone != "" {
		zone = in.zone
	}
	return in.zs.load(zone)
}

// prepareShifts checks the window, the day parts and the time zone, and
// groups the shifts by person, for OnCallHours and Payroll alike;
// truncated says whether the shifts were cut short, for the report's
// DataUsed.
func prepareShifts(shifts []Shift, users []User, w Window, dp DayParts, timeZone string, truncated bool) (*shiftInput, error) {
	if err := w.checkShiftWindow(); err != nil {
		return nil, err
	}
	parts, err := dp.resolved()
	if err != nil {
		return nil, err
	}
	zs := zones{}
	if _, err := zs.load(timeZone); err != nil {
		return nil, err
	}
	people, inWindow, err := groupShifts(shifts, users, w)
	if err != nil {
		return nil, err
	}
	return &shiftInput{parts: parts, people: people, zs: zs, zone: timeZone,
		data: DataUsed{Window: w, Records: len(shifts), InWindow: inWindow, Truncated: truncated}}, nil
}
