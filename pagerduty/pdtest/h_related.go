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
