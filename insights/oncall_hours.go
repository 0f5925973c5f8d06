package insights

import (
	"math"
	"time"
)

// HoursOptions selects the window and the local rules of an on-call hours
// computation. Only Window is required.
type HoursOptions struct {
	Window Window
	// Truncated tells the report that the shifts given are not all there
	// are (the caller stopped listing early).
	Truncated bool
	// TimeZone, when set, is the IANA zone night and weekend hours are
	// read in for everyone. Otherwise each user's own zone is used (from
	// Users, then from the shifts), and UTC when none is known.
	TimeZone string
	// Users appear in the report even without a shift, with zero hours,
	// so that the balance counts them.
	Users []User
	// DayParts sets night hours and weekend days; the zero value means
	// 22:00-06:00 and Saturday-Sunday.
	DayParts DayParts
}

// HoursReport is the on-call load of each person over a window, and how
// evenly it is spread.
type HoursReport struct {
	Data DataUsed `json:"data"`
	// Method says how the figures were computed.
	Method string `json:"method"`
	// DayParts are the night hours and weekend days used.
	DayParts DayParts      `json:"day_parts"`
	People   []PersonHours `json:"people"`
	Balance  Balance       `json:"balance"`
}

// PersonHours is one person's on-call load over the window.
type PersonHours struct {
	UserID   string `json:"user_id"`
	UserName string `json:"user_name,omitempty"`
	// TimeZone is the zone night and weekend hours were read in.
	TimeZone string `json:"time_zone"`
	// Shifts counts on-call periods after overlapping or touching entries
	// were joined.
	Shifts       int     `json:"shifts"`
	Hours        float64 `json:"hours"`
	NightHours   float64 `json:"night_hours"`
	WeekendHours float64 `json:"weekend_hours"`
	// Deviation is Hours minus the mean of everyone's hours.
	Deviation float64 `json:"deviation"`
	// Schedules are the schedules the shifts came from, when known.
	Schedules []string `json:"schedules,omitempty"`
}

// Balance summarises how evenly on-call hours are spread.
type Balance struct {
	People int     `json:"people"`
	Mean   float64 `json:"mean_hours"`
	// StdDev is the population standard deviation: the square root of the
	// mean squared deviation from the mean (divided by n, not n-1).
	StdDev float64 `json:"stddev_hours"`
	Min    float64 `json:"min_hours"`
	Max    float64 `json:"max_hours"`
	// Spread is Max minus Min.
	Spread float64 `json:"spread_hours"`
}

// HoursMethod describes the on-call hours computation.
const HoursMethod = "Shifts are clipped to the window; each user's overlapping or touching entries " +
	"are joined first, so time on call in two schedules at once counts once. Hours are absolute " +
	"elapsed time, so a shift across a daylight-saving change counts the 23 or 25 real hours. " +
	"Night and weekend hours are the parts of the joined shifts inside each local day's night " +
	"hours and weekend days, in the user's time zone (or the one asked for); a weekend night " +
	"counts in both. Balance: mean, population standard deviation, and max minus min of total " +
	"hours over the people listed; deviation is each person's hours minus the mean."

// OnCallHours computes, for each user, the hours on call inside the window,
// the night and weekend part of them, and the number of shifts; and the
// balance across users (mean, standard deviation, spread, each person's
// deviation from the mean). HoursMethod states the rules. People come
// sorted by user ID.
func OnCallHours(shifts []Shift, opts HoursOptions) (*HoursReport, error) {
	in, err := prepareShifts(shifts, opts.Users, opts.Window, opts.DayParts, opts.TimeZone, opts.Truncated)
	if err != nil {
		return nil, err
	}
	parts, people := in.parts, in.people
	r := &HoursReport{
		Data:     in.data,
		Method:   HoursMethod,
		DayParts: parts,
		People:   make([]PersonHours, 0, len(people)),
	}
	for _, p := range people {
		loc, err := in.location(p)
		if err != nil {
			return nil, err
		}
		var total, night, weekend time.Duration
		for _, iv := range p.ivs {
			n, w := parts.split(iv, loc)
			total += iv.dur()
			night += n
			weekend += w
		}
		r.People = append(r.People, PersonHours{
			UserID: p.id, UserName: p.name, TimeZone: loc.String(), Shifts: len(p.ivs),
			Hours: hours(total), NightHours: hours(night), WeekendHours: hours(weekend),
			Schedules: p.schedules,
		})
	}
	r.Balance = balance(r.People)
	return r, nil
}

// balance fills each person's deviation and returns the summary.
func balance(people []PersonHours) Balance {
	b := Balance{People: len(people)}
	if len(people) == 0 {
		return b
	}
	b.Min, b.Max = math.Inf(1), math.Inf(-1)
	sum := 0.0
	for _, p := range people {
		sum += p.Hours
		b.Min = math.Min(b.Min, p.Hours)
		b.Max = math.Max(b.Max, p.Hours)
	}
	b.Mean = sum / float64(len(people))
	sq := 0.0
	for i := range people {
		d := people[i].Hours - b.Mean
		people[i].Deviation = d
		sq += d * d
	}
	b.StdDev = math.Sqrt(sq / float64(len(people)))
	b.Spread = b.Max - b.Min
	return b
}
