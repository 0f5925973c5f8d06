package pdtest

import (
	"cmp"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Past incidents: earlier incidents of the same service, scored by how
// much their titles share words with the incident's title.
const (
	defaultPastLimit = 5
	maxPastLimit     = 999
)

type wPastIncident struct {
	Incident struct {
		ID        string `json:"id"`
		CreatedAt string `json:"created_at"`
		Self      string `json:"self"`
		Title     string `json:"title"`
	} `json:"incident"`
	Score float64 `json:"score"`
}

// titleScore is the share of words two titles have in common (Jaccard
// index), from 0 to 1, rounded to two decimals.
func titleScore(a, b string) float64 {
	wa, wb := map[string]bool{}, map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(a)) {
		wa[w] = true
	}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		wb[w] = true
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	if union == 0 {
		return 0
	}
	return math.Round(float64(inter)/float64(union)*100) / 100
}

func (h *Handler) listPastIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		limit := defaultPastLimit
		if v := q.Get("limit"); v != "" {
			n, cerr := strconv.Atoi(v)
			if cerr != nil || n < 1 || n > maxPastLimit {
				return reply{}, errInvalid("limit %q is not a number from 1 to %d", v, maxPastLimit)
			}
			limit = n
		}
		type scored struct {
			inc   *Incident
			score float64
		}
		var all []scored
		for _, o := range c.st.incidents {
			if o.Number >= inc.Number || o.ServiceID != inc.ServiceID {
				continue
			}
			if s := titleScore(inc.Title, o.Title); s > 0 {
				all = append(all, scored{o, s})
			}
		}
		slices.SortStableFunc(all, func(a, b scored) int {
			if n := cmp.Compare(b.score, a.score); n != 0 {
				return n
			}
			return b.inc.CreatedAt.Compare(a.inc.CreatedAt)
		})
		out := []wPastIncident{}
		for _, s := range all[:min(limit, len(all))] {
			var p wPastIncident
			p.Incident.ID, p.Incident.CreatedAt, p.Incident.Title = s.inc.ID, c.ts(s.inc.CreatedAt), s.inc.Title
			p.Incident.Self = c.base + "/incidents/" + s.inc.ID
			p.Score = s.score
			out = append(out, p)
		}
		body := map[string]any{"past_incidents": out, "limit": limit}
		if total, terr := parseBool(q, "total"); terr != nil {
			return reply{}, terr
		} else if total {
			body["total"] = len(all)
		}
		return reply{200, body}, nil
	})
}

// Related incidents: other open incidents of the same team that started
// within an hour of this one, as PagerDuty's grouping would suggest.
const relatedWindow = time.Hour

type wRelated struct {
	Incident      wIncident       `json:"incident"`
	Relationships []wRelationship `json:"relationships"`
}

type wRelationship struct {
	Type     string         `json:"type"`
	Metadata map[string]any `json:"metadata"`
}

func (h *Handler) listRelatedIncidents(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		teams := c.st.incidentTeams(inc)
		out := []wRelated{}
		for _, o := range c.st.incidents {
			if o == inc || o.Status == StatusResolved || o.CreatedAt.Sub(inc.CreatedAt).Abs() > relatedWindow {
				continue
			}
			if !slices.ContainsFunc(c.st.incidentTeams(o), func(t string) bool { return slices.Contains(teams, t) }) {
				continue
			}
			out = append(out, wRelated{Incident: c.incident(o), Relationships: []wRelationship{{Type: "machine_learning_inferred",
				Metadata: map[string]any{"grouping_classification": "similar_contents"}}}})
		}
		return reply{200, map[string]any{"related_incidents": out}}, nil
	})
}

// Outlier incident: how usual an incident is for its service. Incidents of
// the same service created in the window (since, default 90 days before
// now, until now) whose titles share at least half their words with this
// one's are "similar" (the incident counts itself). frequency is their share
// of the service's incidents in the window, to two decimals; the category
// is "rare" for at most 2 similar incidents, "frequent" from a frequency of
// 0.25, and "anomalous" between. PagerDuty's own model is not documented;
// this one gives the three categories predictable, checkable causes. There
// is no incident template.
const (
	outlierWindow     = 90 * 24 * time.Hour
	outlierSimilar    = 0.5
	outlierRareMax    = 2
	outlierFrequentAt = 0.25
)

type wOutlier struct {
	Incident struct {
		ID         string `json:"id"`
		CreatedAt  string `json:"created_at"`
		Self       string `json:"self"`
		Title      string `json:"title"`
		Occurrence struct {
			Count     int     `json:"count"`
			Frequency float64 `json:"frequency"`
			Category  string  `json:"category"`
			Since     string  `json:"since"`
			Until     string  `json:"until"`
		} `json:"occurrence"`
	} `json:"incident"`
}

func (h *Handler) getOutlierIncident(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		inc, err := h.incidentOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		until := c.st.now()
		since := until.Add(-outlierWindow)
		if v := q.Get("since"); v != "" {
			if since, err = parseTime("since", v, c.loc); err != nil {
				return reply{}, err
			}
			if since.After(until) {
				return reply{}, errInvalid("since %q is in the future", v)
			}
		}
		similar, all := 0, 0
		for _, o := range c.st.incidents {
			if o.ServiceID != inc.ServiceID || o.CreatedAt.Before(since) || o.CreatedAt.After(until) {
				continue
			}
			all++
			if o == inc || titleScore(inc.Title, o.Title) >= outlierSimilar {
				similar++
			}
		}
		var out wOutlier
		out.Incident.ID, out.Incident.CreatedAt, out.Incident.Title = inc.ID, c.ts(inc.CreatedAt), inc.Title
		out.Incident.Self = c.base + "/incidents/" + inc.ID
		oc := &out.Incident.Occurrence
		oc.Count, oc.Since, oc.Until = similar, c.ts(since), c.ts(until)
		if all > 0 {
			oc.Frequency = math.Round(float64(similar)/float64(all)*100) / 100
		}
		switch {
		case similar <= outlierRareMax:
			oc.Category = "rare"
		case oc.Frequency >= outlierFrequentAt:
			oc.Category = "frequent"
		default:
			oc.Category = "anomalous"
		}
		return reply{200, map[string]any{"outlier_incident": out}}, nil
	})
}
