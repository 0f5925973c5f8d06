package bench

import (
	"fmt"
	"strconv"
	"time"
)

// Epoch is the creation time of the first incident of the fixture; each
// following incident was created 37 seconds later, so the listing is sorted
// by creation time as the API sorts it by default.
var Epoch = time.Date(2026, 3, 2, 8, 15, 0, 0, time.UTC)

// reference is a compact object reference as the API writes one: an ID,
// its type, a summary and two links.
type reference struct{ id, kind, summary, path string }

func (r reference) json() string {
	return fmt.Sprintf(`{"id":%q,"type":%q,"summary":%q,"self":"https://api.pagerduty.com/%s/%s","html_url":"https://acme.pagerduty.com/%s/%s"}`,
		r.id, r.kind, r.summary, r.path, r.id, r.path, r.id)
}

// The directory the incidents point at: a few services, policies, teams and
// users, so that references repeat across a page as they do in a real
// account.
var (
	services = []reference{
		{"PX4K2QZ", "service_reference", "Checkout API", "services"},
		{"PB7N1WD", "service_reference", "Payments Gateway", "services"},
		{"PQ9T3LM", "service_reference", "Search Indexer", "services"},
		{"PM2C8VF", "service_reference", "Mobile Push Notifications", "services"},
		{"PZ6R5HK", "service_reference", "Customer Database (primary)", "services"},
	}
	policies = []reference{
		{"PE1AAA1", "escalation_policy_reference", "Platform on-call", "escalation_policies"},
		{"PE2BBB2", "escalation_policy_reference", "Payments primary and secondary", "escalation_policies"},
		{"PE3CCC3", "escalation_policy_reference", "Data infrastructure", "escalation_policies"},
	}
	teams = []reference{
		{"PT0PLAT", "team_reference", "Platform", "teams"},
		{"PT0PAYS", "team_reference", "Payments", "teams"},
		{"PT0DATA", "team_reference", "Data", "teams"},
		{"PT0MOBL", "team_reference", "Mobile", "teams"},
	}
	users = []reference{
		{"PU1ADA7", "user_reference", "Ada Lovelace", "users"},
		{"PU2GRC4", "user_reference", "Grace Hopper", "users"},
		{"PU3KTJ9", "user_reference", "Katherine Johnson", "users"},
		{"PU4LIN2", "user_reference", "Linus Pauling", "users"},
		{"PU5MHM3", "user_reference", "Margaret Hamilton", "users"},
		{"PU6DNR8", "user_reference", "Dennis Ritchie", "users"},
	}
	titles = []string{
		"CPU above 95%% on %s",
		"p99 latency of %s over 2s",
		"Error rate of %s at 7.3%%",
		"Disk 92%% full on %s",
		"Health check failing on %s",
	}
	statuses = []string{"triggered", "acknowledged", "resolved", "resolved"}
)

// IncidentID returns the ID of incident i of the fixture.
func IncidentID(i int) string {
	s := strconv.FormatInt(int64(1_000_000+i)*7919, 36)
	b := []byte("Q0000000000")
	copy(b[len(b)-len(s):], s)
	for j := range b {
		if b[j] >= 'a' && b[j] <= 'z' {
			b[j] -= 'a' - 'A'
		}
	}
	return string(b)
}

// IncidentJSON returns incident i of the fixture as the API writes it in a
// list answer: every field a listing returns, with references to services,
// policies, teams and users, assignments, acknowledgements, pending actions,
// a priority, a conference bridge, a responder request and its responders.
// It is about 2.4 KB.
func IncidentJSON(i int) []byte {
	id := IncidentID(i)
	svc := services[i%len(services)]
	pol := policies[i%len(policies)]
	team := teams[i%len(teams)]
	u1, u2, u3 := users[i%len(users)], users[(i+2)%len(users)], users[(i+4)%len(users)]
	created := Epoch.Add(time.Duration(i) * 37 * time.Second)
	ts := func(d time.Duration) string { return created.Add(d).Format(time.RFC3339) }
	status := statuses[i%len(statuses)]
	title := fmt.Sprintf(titles[i%len(titles)], svc.summary)
	number := 10_000 + i
	incRef := reference{id, "incident_reference", fmt.Sprintf("[#%d] %s", number, title), "incidents"}

	// One incident in 32 asked a responder for help.
	responders, requests := "[]", "[]"
	if i%32 == 5 {
		responders = fmt.Sprintf(`[{"state":"joined","user":%s,"incident":%s,"updated_at":%q,"message":"Please join the bridge","requester":%s,"requested_at":%q}]`,
			u3.json(), incRef.json(), ts(15*time.Minute), u1.json(), ts(14*time.Minute))
		requests = fmt.Sprintf(`[{"incident":%s,"requester":%s,"requested_at":%q,"message":"Please join the bridge",`+
			`"responder_request_targets":[{"responder_request_target":{"type":"user","id":%q,"summary":%q,"incidents_responders":[]}}]}]`,
			incRef.json(), u1.json(), ts(14*time.Minute), u3.id, u3.summary)
	}
	// Open incidents are assigned and have actions pending; acknowledged
	// and resolved ones were acknowledged; resolved ones are assigned to
	// nobody.
	assignments, pending, acks, resolvedAt := "[]", "[]", "[]", "null"
	if status != "resolved" {
		assignments = fmt.Sprintf(`[{"at":%q,"assignee":%s}]`, ts(6*time.Minute), u2.json())
		pending = fmt.Sprintf(`[{"type":"escalate","at":%q},{"type":"resolve","at":%q}]`, ts(30*time.Minute), ts(4*time.Hour))
	} else {
		resolvedAt = strconv.Quote(ts(42 * time.Minute))
	}
	// Services with intelligent grouping say so; the others send null.
	grouping := "null"
	if i%2 == 0 {
		grouping = fmt.Sprintf(`{"grouping_type":"intelligent","started_at":%q,"ended_at":null,"alert_grouping_active":true}`, ts(0))
	}
	// High-urgency incidents open a conference bridge.
	urgency, bridge := []string{"high", "high", "low"}[i%3], "null"
	if urgency == "high" {
		bridge = fmt.Sprintf(`{"conference_number":"+1-415-555-0134,,4829371#","conference_url":"https://meet.example.com/war-room-%d"}`, number)
	}
	// Half the incidents were given a priority.
	priority := "null"
	if i%2 == 1 {
		priority = `{"id":"PSO4L1F","type":"priority","summary":"P2","self":"https://api.pagerduty.com/priorities/PSO4L1F","html_url":null,"name":"P2","description":"Major impact on some customers","color":"a8171c","order":256}`
	}
	if status != "triggered" {
		acks = fmt.Sprintf(`[{"at":%q,"acknowledger":%s}]`, ts(12*time.Minute), u1.json())
	}
	return fmt.Appendf(nil, `{"id":%q,"type":"incident","summary":%q,"self":"https://api.pagerduty.com/incidents/%s","html_url":"https://acme.pagerduty.com/incidents/%s",`+
		`"incident_number":%d,"title":%q,"description":%q,"created_at":%q,"updated_at":%q,"status":%q,"incident_key":"%x",`+
		`"service":%s,"assignments":%s,"assigned_via":"escalation_policy",`+
		`"last_status_change_at":%q,"resolved_at":%s,"first_trigger_log_entry":%s,`+
		`"alert_counts":{"all":3,"triggered":%d,"resolved":%d},"is_mergeable":true,"incident_type":{"name":"incident_default"},`+
		`"escalation_policy":%s,"teams":[%s],`+
		`"pending_actions":%s,"acknowledgements":%s,`+
		`"alert_grouping":%s,`+
		`"last_status_change_by":%s,`+
		`"priority":%s,`+
		`"resolve_reason":null,"conference_bridge":%s,`+
		`"incidents_responders":%s,"responder_requests":%s,`+
		`"urgency":%q}`,
		id, title, id, id,
		number, title, title, ts(0), ts(43*time.Minute), status, i*2654435761,
		svc.json(), assignments,
		ts(12*time.Minute), resolvedAt, reference{"R" + id[1:], "trigger_log_entry_reference", "Triggered through the API.", "log_entries"}.json(),
		i%3, 3-i%3,
		pol.json(), team.json(),
		pending, acks,
		grouping,
		u1.json(), priority,
		bridge,
		responders, requests,
		urgency)
}
