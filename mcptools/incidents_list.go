package mcptools

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type listIncidentsIn struct {
	Statuses   []string `json:"statuses,omitempty" jsonschema:"uniqueItems=true,enum=triggered,enum=acknowledged,enum=resolved" jsonschema_description:"Keep incidents in these states. Default: the open ones (triggered and acknowledged)."`
	Urgency    string   `json:"urgency,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"Keep incidents of this urgency."`
	Service    string   `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep incidents of this service: its ID or name (\"web\" finds \"Web Frontend\")."`
	Team       string   `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep incidents of this team: its ID or name."`
	AssignedTo string   `json:"assigned_to,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep open incidents assigned to this user: \"me\", a user ID, a name or an email."`
	Priorities []string `json:"priorities,omitempty" jsonschema:"maxItems=10,uniqueItems=true" jsonschema_description:"Keep incidents with these priorities, by name (P1) or ID."`
	Since      string   `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Keep incidents created at or after this time: RFC 3339 (2026-01-31T14:00:00Z), a date (2026-01-31), or a duration back from now (30m, 2h, 7d)."`
	Until      string   `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Keep incidents created before this time, in the same forms as since."`
	Limit      int      `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many incidents to return, 1 to 100 (default 25)."`
	Cursor     string   `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// IncidentList is a page of incidents.
type IncidentList struct {
	Incidents []Incident `json:"incidents"`
	// Total counts every matching incident, when PagerDuty can say.
	Total *int `json:"total,omitempty"`
	// HasMore reports that NextCursor reads more.
	HasMore    bool   `json:"has_more"`
	NextCursor string `json:"next_cursor,omitempty"`
	// Scanned counts the incidents read to apply filters PagerDuty cannot
	// (priorities), when that stopped short of a full page.
	Scanned int `json:"scanned,omitempty"`
}

func (l *IncidentList) text() string {
	var b strings.Builder
	switch {
	case len(l.Incidents) == 0 && !l.HasMore:
		b.WriteString("No incidents match.")
	case l.Total != nil:
		fmt.Fprintf(&b, "%s of %d, newest first:", plural(len(l.Incidents), "incident"), *l.Total)
	default:
		fmt.Fprintf(&b, "%s, newest first:", plural(len(l.Incidents), "incident"))
	}
	for i := range l.Incidents {
		b.WriteString("\n" + l.Incidents[i].line())
	}
	if l.Scanned > 0 {
		fmt.Fprintf(&b, "\nRead %d incidents to apply the priority filter and stopped to keep this call short.", l.Scanned)
	}
	if l.HasMore {
		fmt.Fprintf(&b, "\nMore match: call again with cursor %q to read the next page.", l.NextCursor)
	}
	return b.String()
}

// maxScan bounds how many incidents one call reads to apply the priority
// filter, which PagerDuty cannot apply itself.
const maxScan = 1000

var listIncidents = &tool[listIncidentsIn, *IncidentList]{
	spec: spec{
		name:    "list_incidents",
		title:   "List incidents",
		toolset: ToolsetIncidents,
		description: `Lists incidents, newest first, one line each: number, ID, status, urgency, priority, title, service, assignees, times.
Use it to answer "what is open", "what fired in the last hour", "P1 incidents of the web service", "incidents assigned to me".
With no filter it returns the open incidents (triggered and acknowledged) of all time; a list that includes resolved incidents covers the last 30 days unless since/until say otherwise (at most 6 months apart).
Names work for service, team and assigned_to; priorities match by name (P1).
Pages of limit incidents (default 25): when has_more, pass next_cursor back as cursor.`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in listIncidentsIn) (*IncidentList, error) {
		limit, err := pageLimit(in.Limit)
		if err != nil {
			return nil, err
		}
		key := in
		key.Cursor, key.Limit = "", 0
		fp := fingerprint("list_incidents", key)
		cur, err := decodeCursor(in.Cursor, fp)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListIncidentsOptions{SortBy: "created_at:desc"}
		for _, s := range in.Statuses {
			opts.Statuses = append(opts.Statuses, pagerduty.IncidentStatus(s))
		}
		if len(opts.Statuses) == 0 {
			opts.Statuses = []pagerduty.IncidentStatus{pagerduty.Triggered, pagerduty.Acknowledged}
		}
		if in.Urgency != "" {
			opts.Urgencies = []pagerduty.Urgency{pagerduty.Urgency(in.Urgency)}
		}
		if err := incidentWindow(opts, in, cur, c.now); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "service", in.Service, resolveService, &opts.ServiceIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.TeamIDs); err != nil {
			return nil, err
		}
		if err := resolveInto(ctx, c, "assigned_to", in.AssignedTo, resolveUser, &opts.UserIDs); err != nil {
			return nil, err
		}
		out := &IncidentList{Incidents: []Incident{}}
		next := func(offset int) string {
			pc := pageCursor{Offset: offset, Query: fp}
			if !opts.Since.IsZero() {
				pc.Since = opts.Since.Unix()
			}
			if !opts.Until.IsZero() {
				pc.Until = opts.Until.Unix()
			}
			return encodeCursor(pc)
		}
		if len(in.Priorities) == 0 {
			opts.Limit, opts.Offset, opts.Total = limit, cur.Offset, true
			if err := checkCeiling(cur.Offset, limit); err != nil {
				return nil, err
			}
			p, err := c.client.Incidents.ListPage(ctx, opts)
			if err != nil {
				return nil, err
			}
			for i := range p.Items {
				out.Incidents = append(out.Incidents, trimIncident(&p.Items[i]))
			}
			out.Total = p.Total
			if p.More && len(p.Items) > 0 {
				out.HasMore, out.NextCursor = true, next(cur.Offset+len(p.Items))
			}
			return out, nil
		}
		// PagerDuty has no priority filter: read pages and keep the matches,
		// up to limit, and at most maxScan incidents per call.
		// Names that match no priority of the account are a mistake to
		// report, not an empty list.
		for _, v := range in.Priorities {
			if _, err := resolvePriority(ctx, c, "priorities", v); err != nil {
				return nil, err
			}
		}
		want := priorityMatcher(in.Priorities)
		offset, scanned := cur.Offset, 0
		for {
			if err := checkCeiling(offset, pagerduty.MaxPageSize); err != nil {
				return nil, err
			}
			opts.Limit, opts.Offset = pagerduty.MaxPageSize, offset
			p, err := c.client.Incidents.ListPage(ctx, opts)
			if err != nil {
				return nil, err
			}
			for i := range p.Items {
				offset++
				scanned++
				inc := &p.Items[i]
				if !want(inc.Priority) {
					continue
				}
				out.Incidents = append(out.Incidents, trimIncident(inc))
				if len(out.Incidents) == limit {
					more := p.More || i < len(p.Items)-1
					if more {
						out.HasMore, out.NextCursor = true, next(offset)
					}
					return out, nil
				}
			}
			c.progress(ctx, float64(scanned), 0, fmt.Sprintf("read %d incidents, %d match", scanned, len(out.Incidents)))
			if !p.More || len(p.Items) == 0 {
				return out, nil
			}
			if scanned >= maxScan {
				out.HasMore, out.NextCursor, out.Scanned = true, next(offset), scanned
				return out, nil
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	},
}

// incidentWindow sets the time window of an incident listing: the window of
// the first page when a cursor carries one, else since/until as given. Open
// incidents with no window are listed from all time.
func incidentWindow(opts *pagerduty.ListIncidentsOptions, in listIncidentsIn, cur pageCursor, now time.Time) error {
	since, err := parseTime("since", in.Since, now)
	if err != nil {
		return err
	}
	until, err := parseTime("until", in.Until, now)
	if err != nil {
		return err
	}
	if cur.Since != 0 {
		since = time.Unix(cur.Since, 0).UTC()
	}
	if cur.Until != 0 {
		until = time.Unix(cur.Until, 0).UTC()
	}
	if !since.IsZero() && !until.IsZero() && !until.After(since) {
		return argError("until", "it must be after since (%s)", since.UTC().Format(time.RFC3339))
	}
	if !since.IsZero() && !until.IsZero() && until.Sub(since) > 183*24*time.Hour {
		return argError("since", "since and until are more than 6 months apart, the most PagerDuty searches at once: narrow the window")
	}
	opts.Since, opts.Until = since, until
	if since.IsZero() && until.IsZero() && !slices.Contains(opts.Statuses, pagerduty.Resolved) {
		opts.AllTime = true
	}
	return nil
}

func checkCeiling(offset, limit int) error {
	if offset+limit > pagerduty.OffsetCeiling {
		return argError("cursor", "PagerDuty pages through at most %d incidents of one query: narrow it with since/until or other filters", pagerduty.OffsetCeiling)
	}
	return nil
}

// priorityMatcher matches an incident's priority against names or IDs,
// case-insensitively.
func priorityMatcher(want []string) func(*pagerduty.Priority) bool {
	return func(p *pagerduty.Priority) bool {
		if p == nil {
			return false
		}
		for _, w := range want {
			w = strings.TrimSpace(w)
			if p.ID == w || strings.EqualFold(firstNonEmpty(p.Name, p.Summary), w) {
				return true
			}
		}
		return false
	}
}
