package pdtest

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

type scheduleIn struct {
	Schedule *struct {
		Name           *string   `json:"name"`
		Description    *string   `json:"description"`
		TimeZone       *string   `json:"time_zone"`
		Teams          []refIn   `json:"teams"`
		ScheduleLayers []layerIn `json:"schedule_layers"`
	} `json:"schedule"`
}

type layerIn struct {
	ID                        string  `json:"id"`
	Name                      string  `json:"name"`
	Start                     string  `json:"start"`
	End                       *string `json:"end"`
	RotationVirtualStart      string  `json:"rotation_virtual_start"`
	RotationTurnLengthSeconds int     `json:"rotation_turn_length_seconds"`
	Users                     []struct {
		User refIn `json:"user"`
	} `json:"users"`
	Restrictions []Restriction `json:"restrictions"`
}

// Rotation turns accepted: an hour to a year.
const (
	minTurn = 3600
	maxTurn = 366 * 86400
)

// layer checks a layer of a request and builds it.
func (st *state) layer(i int, in layerIn, loc *time.Location) (ScheduleLayer, *apiError) {
	l := ScheduleLayer{ID: in.ID, Name: in.Name, RotationTurnLengthSeconds: in.RotationTurnLengthSeconds}
	var err *apiError
	if l.Start, err = parseTime("schedule_layers["+strconv.Itoa(i)+"].start", in.Start, loc); err != nil {
		return l, err
	}
	l.RotationVirtualStart = l.Start
	if in.RotationVirtualStart != "" {
		if l.RotationVirtualStart, err = parseTime("schedule_layers["+strconv.Itoa(i)+"].rotation_virtual_start", in.RotationVirtualStart, loc); err != nil {
			return l, err
		}
	}
	if in.End != nil && *in.End != "" {
		end, err := parseTime("schedule_layers["+strconv.Itoa(i)+"].end", *in.End, loc)
		if err != nil {
			return l, err
		}
		if !end.After(l.Start) {
			return l, errInvalid("schedule_layers[%d].end must be after its start", i)
		}
		l.End = &end
	}
	if l.RotationTurnLengthSeconds < minTurn || l.RotationTurnLengthSeconds > maxTurn {
		return l, errInvalid("schedule_layers[%d].rotation_turn_length_seconds must be from %d (an hour) to %d (a year)", i, minTurn, maxTurn)
	}
	if len(in.Users) == 0 {
		return l, errInvalid("schedule_layers[%d].users must list at least one user", i)
	}
	for _, u := range in.Users {
		if st.userByID[u.User.ID] == nil {
			return l, errInvalid("schedule_layers[%d]: user %q is not a user of the account", i, u.User.ID)
		}
		l.UserIDs = append(l.UserIDs, u.User.ID)
	}
	for j, r := range in.Restrictions {
		h, m, s := parseTimeOfDay(r.StartTimeOfDay)
		switch {
		case r.Type != "daily_restriction" && r.Type != "weekly_restriction":
			return l, errInvalid("schedule_layers[%d].restrictions[%d].type %q is not daily_restriction or weekly_restriction", i, j, r.Type)
		case r.DurationSeconds <= 0, r.Type == "daily_restriction" && r.DurationSeconds > 86400, r.DurationSeconds > 7*86400:
			return l, errInvalid("schedule_layers[%d].restrictions[%d].duration_seconds must be positive and at most a day (daily) or a week (weekly)", i, j)
		case h > 23 || m > 59 || s > 59 || strings.Count(r.StartTimeOfDay, ":") != 2:
			return l, errInvalid("schedule_layers[%d].restrictions[%d].start_time_of_day %q is not HH:MM:SS", i, j, r.StartTimeOfDay)
		case r.Type == "weekly_restriction" && (r.StartDayOfWeek < 1 || r.StartDayOfWeek > 7):
			return l, errInvalid("schedule_layers[%d].restrictions[%d].start_day_of_week must be 1 (Monday) to 7 (Sunday)", i, j)
		}
		if r.Type == "daily_restriction" {
			r.StartDayOfWeek = 0
		}
		l.Restrictions = append(l.Restrictions, r)
	}
	return l, nil
}

// writeSchedule creates or replaces a schedule. Layers come in the order
// the API lists them: the first one wins where layers overlap.
func (h *Handler) writeSchedule(w http.ResponseWriter, r *http.Request, create bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		sc := &Schedule{}
		if !create {
			var err *apiError
			if sc, err = h.scheduleOr404(c, r); err != nil {
				return reply{}, err
			}
		}
		var in scheduleIn
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		si := in.Schedule
		if si == nil {
			return reply{}, errInvalid(`the body must hold a "schedule" object`)
		}
		v := *sc
		if si.Name != nil {
			v.Name = strings.TrimSpace(*si.Name)
		}
		if si.Description != nil {
			v.Description = *si.Description
		}
		if si.TimeZone != nil {
			if _, err := time.LoadLocation(*si.TimeZone); err != nil || *si.TimeZone == "" {
				return reply{}, errInvalid("time_zone %q is not a known time zone; use an IANA name such as Europe/Paris", *si.TimeZone)
			}
			v.TimeZone = *si.TimeZone
		}
		if si.Teams != nil {
			v.TeamIDs = nil
			for _, t := range si.Teams {
				if c.st.teamByID[t.ID] == nil {
					return reply{}, errInvalid("team %q is not a team of the account", t.ID)
				}
				v.TeamIDs = append(v.TeamIDs, t.ID)
			}
		}
		if si.ScheduleLayers != nil {
			loc := c.st.location(v.TimeZone)
			v.Layers = nil
			for i := len(si.ScheduleLayers) - 1; i >= 0; i-- {
				l, err := c.st.layer(i, si.ScheduleLayers[i], loc)
				if err != nil {
					return reply{}, err
				}
				if l.ID == "" || !slices.ContainsFunc(sc.Layers, func(o ScheduleLayer) bool { return o.ID == l.ID }) {
					l.ID = c.st.newID()
				}
				v.Layers = append(v.Layers, l)
			}
		}
		if v.Name == "" {
			return reply{}, errInvalid("schedule name is required")
		}
		if v.TimeZone == "" {
			return reply{}, errInvalid("schedule time_zone is required")
		}
		if len(v.Layers) == 0 {
			return reply{}, errInvalid("a schedule needs at least one layer in schedule_layers")
		}
		*sc = v
		status := http.StatusOK
		if create {
			sc.ID = c.st.newID()
			c.st.schedules = append(c.st.schedules, sc)
			c.st.schedByID[sc.ID] = sc
			status = http.StatusCreated
		}
		return reply{status, map[string]any{"schedule": c.schedule(sc, nil)}}, nil
	})
}

func (h *Handler) createSchedule(w http.ResponseWriter, r *http.Request) { h.writeSchedule(w, r, true) }
func (h *Handler) updateSchedule(w http.ResponseWriter, r *http.Request) {
	h.writeSchedule(w, r, false)
}

func (h *Handler) deleteSchedule(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		sc, err := h.scheduleOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		for _, e := range c.st.eps {
			if epTargetsSchedule(e, sc.ID) {
				return reply{}, errArguments("schedule %s is a target of escalation policy %s; remove it from the policy first", sc.ID, e.ID)
			}
		}
		c.st.schedules = slices.DeleteFunc(c.st.schedules, func(x *Schedule) bool { return x == sc })
		delete(c.st.schedByID, sc.ID)
		return reply{status: http.StatusNoContent}, nil
	})
}
