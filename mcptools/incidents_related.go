package mcptools

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type findRelatedIn struct {
	Incident  string `json:"incident" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The incident: its ID (PABC123) or number (1234, #1234 or INC-1234)."`
	PastLimit int    `json:"past_limit,omitempty" jsonschema:"minimum=1,maximum=50" jsonschema_description:"How many past incidents to return, most similar first (default 5)."`
}

// RelatedIncidents are the incidents PagerDuty links to one incident: the
// recent ones it finds related, and the past ones of the same service that
// resemble it.
type RelatedIncidents struct {
	// Incident is the incident asked about.
	Incident Incident `json:"incident"`
	// Related are recent incidents PagerDuty relates to it, with why.
	Related []RelatedIncident `json:"related"`
	// Past are earlier incidents of its service, most similar first.
	Past []PastIncident `json:"past"`
	// PastTotal is how many past incidents PagerDuty found in all.
	PastTotal int `json:"past_total,omitempty"`
	// Outlier says how usual the incident is for its service.
	Outlier *Outlier `json:"outlier,omitempty"`
	// Unavailable says which list PagerDuty refused to give, and why.
	Unavailable []string `json:"unavailable,omitempty"`
}

// Outlier is how usual an incident is for its service, as PagerDuty
// judges it: how many similar incidents the service had in a period.
type Outlier struct {
	// Category is "rare", "anomalous" or "frequent".
	Category string `json:"category"`
	// Count is how many similar incidents the service had in the period.
	Count int `json:"count"`
	// Frequency is PagerDuty's measure of how often they occur.
	Frequency float64 `json:"frequency"`
	// Since and Until bound the period.
	Since time.Time `json:"since,omitzero"`
	Until time.Time `json:"until,omitzero"`
	// Pattern is the text PagerDuty mined from similar incidents' titles.
	Pattern string `json:"pattern,omitempty"`
}

func (o *Outlier) line() string {
	s := fmt.Sprintf("How usual for its service: %s, %d similar incidents", o.Category, o.Count)
	if !o.Since.IsZero() {
		s += " since " + fmtTime(o.Since)
	}
	s += " (frequency " + strconv.FormatFloat(o.Frequency, 'f', -1, 64) + ")"
	if o.Pattern != "" {
		s += "; pattern: " + o.Pattern
	}
	return s
}

// RelatedIncident is an incident PagerDuty relates to another, and the
// reasons it gives.
type RelatedIncident struct {
	Incident
	Reasons []string `json:"reasons,omitempty"`
}

// PastIncident is an earlier incident that resembles another, with
// PagerDuty's similarity score (higher is more similar).
type PastIncident struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	Score     float64   `json:"score"`
}

func (p *PastIncident) line() string {
	s := p.ID + " score " + strconv.FormatFloat(p.Score, 'f', -1, 64) + " " + p.Title
	if !p.CreatedAt.IsZero() {
		s += " - created " + fmtTime(p.CreatedAt)
	}
	return s
}

func (r *RelatedIncident) line() string {
	s := r.Incident.line()
	if len(r.Reasons) > 0 {
		s += " - " + strings.Join(r.Reasons, "; ")
	}
	return s
}

func (r *RelatedIncidents) text() string {
	var b strings.Builder
	b.WriteString("Incident " + r.Incident.line())
	if r.Outlier != nil {
		b.WriteString("\n" + r.Outlier.line())
	}
	fmt.Fprintf(&b, "\nRelated incidents (%d):", len(r.Related))
	b.WriteString(lines(r.Related, (*RelatedIncident).line))
	fmt.Fprintf(&b, "\nPast incidents of its service, most similar first (%d", len(r.Past))
	if r.PastTotal > len(r.Past) {
		fmt.Fprintf(&b, " of %d", r.PastTotal)
	}
	b.WriteString("):" + lines(r.Past, (*PastIncident).line))
	for _, u := range r.Unavailable {
		b.WriteString("\n" + u)
	}
	if open := r.openRelated(); len(open) > 0 {
		b.WriteString("\nTo fold the open related incidents into this one: merge_incidents(into: " + r.Incident.ID + ", sources: [" + strings.Join(open, ", ") + "]).")
	}
	return b.String()
}

// openRelated returns the IDs of the related incidents that are still open.
func (r *RelatedIncidents) openRelated() []string {
	var out []string
	for _, x := range r.Related {
		if x.Status != "" && x.Status != string(pagerduty.Resolved) {
			out = append(out, x.ID)
		}
	}
	return out
}

// relationReason renders why PagerDuty relates two incidents.
func relationReason(rel pagerduty.IncidentRelationship) string {
	m := rel.Metadata
	var s string
	switch rel.Type {
	case "machine_learning_inferred":
		s = "machine learning"
		if c := m.GroupingClassification; c != "" {
			s += ": " + strings.ReplaceAll(c, "_", " ")
		}
		if f := m.UserFeedback; f != nil && f.PositiveFeedbackCount+f.NegativeFeedbackCount > 0 {
			s += fmt.Sprintf(" (feedback +%d/-%d)", f.PositiveFeedbackCount, f.NegativeFeedbackCount)
		}
	case "service_dependency":
		s = "service dependency"
		if d := refIDs(m.DependentServices); d != "" {
			s += ": " + d + " depends on " + firstNonEmpty(refIDs(m.SupportingServices), "another service")
		}
	default:
		s = strings.ReplaceAll(rel.Type, "_", " ")
	}
	return s
}

func refIDs(refs []pagerduty.Reference) string {
	s := make([]string, 0, len(refs))
	for _, r := range refs {
		s = append(s, (&Ref{ID: r.ID, Name: r.Summary}).String())
	}
	return strings.Join(s, ", ")
}

// featureRefused reports an answer that says the account or credential may
// not use a feature, which leaves the other list of the answer useful.
func featureRefused(err error) (string, bool) {
	var api *pagerduty.APIError
	if !errors.As(err, &api) {
		return "", false
	}
	switch api.StatusCode {
	case http.StatusPaymentRequired:
		return "the account's plan does not include it", true
	case http.StatusForbidden:
		return "the credential may not read it", true
	}
	return "", false
}

var findRelatedIncidents = &tool[findRelatedIn, *RelatedIncidents]{
	spec: spec{
		name:    "find_related_incidents",
		title:   "Find related and past incidents",
		toolset: ToolsetIncidents,
		description: `Returns the incidents PagerDuty relates to one incident: recent related ones (with why: machine learning or a service dependency), past incidents of its service that resemble it, with a similarity score, and how usual such an incident is for its service (rare, anomalous or frequent).
Use it to find incidents to merge_incidents with, or how a similar one was handled before. Needs PagerDuty's AIOps features.`,
		notFound: "list_incidents",
	},
	handler: func(ctx context.Context, c *call, in findRelatedIn) (*RelatedIncidents, error) {
		ref, err := parseIncidentRef("incident", in.Incident)
		if err != nil {
			return nil, err
		}
		limit := in.PastLimit
		if limit == 0 {
			limit = 5
		}
		if limit < 1 || limit > 50 {
			return nil, argError("past_limit", "%d is out of range: use 1 to 50", in.PastLimit)
		}
		inc, err := getIncident(ctx, c, ref)
		if err != nil {
			return nil, err
		}
		out := &RelatedIncidents{Incident: trimIncident(inc), Related: []RelatedIncident{}, Past: []PastIncident{}}
		related, rerr := c.client.Incidents.ListRelated(ctx, inc.ID, &pagerduty.RelatedIncidentsOptions{IncludeDetails: true})
		if why, ok := featureRefused(rerr); ok {
			out.Unavailable = append(out.Unavailable, "Related incidents are unavailable: "+why+".")
		} else if rerr != nil {
			return nil, fmt.Errorf("related incidents of %s: %w", inc.ID, rerr)
		}
		for i := range related {
			r := RelatedIncident{Incident: trimIncident(&related[i].Incident)}
			for _, rel := range related[i].Relationships {
				r.Reasons = append(r.Reasons, relationReason(rel))
			}
			out.Related = append(out.Related, r)
		}
		past, perr := c.client.Incidents.ListPast(ctx, inc.ID, &pagerduty.PastIncidentsOptions{Limit: limit, Total: true})
		if why, ok := featureRefused(perr); ok {
			if rerr != nil {
				// Neither list: PagerDuty's answer says why.
				return nil, fmt.Errorf("related and past incidents of %s: %w", inc.ID, rerr)
			}
			out.Unavailable = append(out.Unavailable, "Past incidents are unavailable: "+why+".")
		} else if perr != nil {
			return nil, fmt.Errorf("past incidents of %s: %w", inc.ID, perr)
		}
		if past != nil {
			for _, p := range past.Incidents {
				out.Past = append(out.Past, PastIncident{ID: p.Incident.ID, Title: firstNonEmpty(p.Incident.Title, p.Incident.Summary),
					CreatedAt: p.Incident.CreatedAt.UTC(), Score: p.Score})
			}
			if past.Total != nil {
				out.PastTotal = *past.Total
			}
		}
		outlier, oerr := c.client.Incidents.GetOutlier(ctx, inc.ID, nil)
		if why, ok := featureRefused(oerr); ok {
			out.Unavailable = append(out.Unavailable, "Its outlier rating (how usual it is for its service) is unavailable: "+why+".")
		} else if oerr != nil {
			return nil, fmt.Errorf("outlier rating of %s: %w", inc.ID, oerr)
		}
		if outlier != nil && outlier.Occurrence != nil {
			o := outlier.Occurrence
			out.Outlier = &Outlier{Category: o.Category, Count: o.Count, Frequency: o.Frequency, Since: o.Since.UTC(), Until: o.Until.UTC()}
			if outlier.Template != nil {
				out.Outlier.Pattern = outlier.Template.MinedText
			}
		}
		return out, nil
	},
}
