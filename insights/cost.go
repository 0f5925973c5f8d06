package insights

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// CostOptions selects the incidents of a cost computation and the price of
// an hour of a responder's time.
type CostOptions struct {
	IncidentOptions
	// HourlyCost is the cost of one responder-hour; it must be positive.
	HourlyCost float64
	// Currency labels the amounts (such as "USD"); it is not converted.
	Currency string
	// Top is how many of the costliest incidents to list; zero means 10.
	Top int
}

// CostReport estimates what incidents cost in responders' time.
type CostReport struct {
	Data       DataUsed `json:"data"`
	Method     string   `json:"method"`
	HourlyCost float64  `json:"hourly_cost"`
	Currency   string   `json:"currency,omitempty"`
	// AsOf is the time open incidents were measured to (zero: open
	// incidents were not measured).
	AsOf  time.Time `json:"as_of,omitzero"`
	Total CostGroup `json:"total"`
	// Services is sorted by cost, the highest first, then by name.
	Services []CostGroup `json:"services"`
	// Costliest lists the most expensive incidents, the highest first.
	Costliest []IncidentCost `json:"costliest"`
}

// CostGroup is the cost of a set of incidents.
type CostGroup struct {
	ID        string `json:"id,omitempty"`
	Name      string `json:"name,omitempty"`
	Incidents int    `json:"incidents"`
	// Unmeasured counts open incidents left out for want of an as-of time.
	Unmeasured int `json:"unmeasured,omitempty"`
	// IncidentHours adds up durations; ResponderHours adds up durations
	// times people; Cost is ResponderHours times the hourly cost.
	IncidentHours  float64 `json:"incident_hours"`
	ResponderHours float64 `json:"responder_hours"`
	Cost           float64 `json:"cost"`
}

// IncidentCost is the cost of one incident.
type IncidentCost struct {
	IncidentID     string  `json:"incident_id"`
	Number         int     `json:"number,omitempty"`
	Title          string  `json:"title,omitempty"`
	Service        string  `json:"service,omitempty"`
	People         int     `json:"people"`
	Hours          float64 `json:"hours"`
	ResponderHours float64 `json:"responder_hours"`
	Cost           float64 `json:"cost"`
	Open           bool    `json:"open,omitempty"`
}

// CostMethod describes the cost computation.
const CostMethod = "For each incident created in the window: duration is resolution minus creation " +
	"(an open incident is measured to the as-of time); people is the number of distinct responders " +
	"(assignees, acknowledgers and responders who joined), at least 1 since someone owns every " +
	"incident. Responder-hours = people x duration in hours; cost = responder-hours x hourly cost. " +
	"Totals add up incidents; the whole duration counts even when it runs past the window."

// CostImpact estimates the cost of incidents from their durations, the
// number of people on each and an hourly cost given as input, per service
// and in total. CostMethod states the rules.
func CostImpact(incidents []Incident, opts CostOptions) (*CostReport, error) {
	if opts.HourlyCost <= 0 || math.IsNaN(opts.HourlyCost) || math.IsInf(opts.HourlyCost, 0) {
		return nil, invalid("hourly cost %v: give the cost of one responder-hour as a positive number", opts.HourlyCost)
	}
	if opts.Top < 0 {
		return nil, invalid("top %d is negative: give how many incidents to list, or zero for 10", opts.Top)
	}
	kept, data, err := selectIncidents(incidents, opts.IncidentOptions)
	if err != nil {
		return nil, err
	}
	asOf := opts.asOf()
	r := &CostReport{Data: data, Method: CostMethod, HourlyCost: opts.HourlyCost, Currency: opts.Currency, AsOf: asOf, Services: []CostGroup{}, Costliest: []IncidentCost{}}
	var all []IncidentCost
	for _, g := range groupIncidents(kept, func(i *Incident) (string, string) { return i.ServiceID, i.ServiceName }) {
		cg := CostGroup{ID: g.id, Name: g.name, Incidents: len(g.incs)}
		var dur, respDur time.Duration
		for _, inc := range g.incs {
			end, open := inc.ResolvedAt, !inc.resolved()
			if open {
				end = asOf
			}
			if end.IsZero() {
				cg.Unmeasured++
				continue
			}
			d := max(end.Sub(inc.CreatedAt), 0)
			people := max(len(inc.Responders), 1)
			dur += d
			respDur += d * time.Duration(people)
			rh := hours(d) * float64(people)
			all = append(all, IncidentCost{
				IncidentID: inc.ID, Number: inc.Number, Title: inc.Title, Service: cmp.Or(inc.ServiceName, inc.ServiceID),
				People: people, Hours: hours(d), ResponderHours: rh, Cost: rh * opts.HourlyCost, Open: open,
			})
		}
		cg.IncidentHours, cg.ResponderHours = hours(dur), hours(respDur)
		cg.Cost = cg.ResponderHours * opts.HourlyCost
		r.Services = append(r.Services, cg)
		r.Total.Incidents += cg.Incidents
		r.Total.Unmeasured += cg.Unmeasured
		r.Total.IncidentHours += cg.IncidentHours
		r.Total.ResponderHours += cg.ResponderHours
	}
	r.Total.Cost = r.Total.ResponderHours * opts.HourlyCost
	sortStable(r.Services, func(a, b CostGroup) bool { return a.Cost > b.Cost })
	slices.SortFunc(all, func(a, b IncidentCost) int {
		return cmp.Or(cmp.Compare(b.Cost, a.Cost), cmp.Compare(a.IncidentID, b.IncidentID))
	})
	top := cmp.Or(opts.Top, 10)
	r.Costliest = append(r.Costliest, all[:min(top, len(all))]...)
	return r, nil
}
