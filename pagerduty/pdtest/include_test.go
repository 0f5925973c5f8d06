package pdtest

import "testing"

func TestIncludeExpansions(t *testing.T) {
	s := newDemo(t)
	_, m := call(t, s, "GET", "/users?include[]=contact_methods&include[]=notification_rules&include[]=teams&limit=1", nil)
	u := items(m, "users")[0]
	if cm := items(u, "contact_methods"); len(cm) == 0 || cm[0]["address"] == nil {
		t.Fatalf("contact methods not expanded: %v", cm)
	}
	if nr := items(u, "notification_rules"); len(nr) == 0 || nr[0]["urgency"] == nil {
		t.Fatalf("notification rules not expanded: %v", nr)
	}
	if tm := items(u, "teams"); len(tm) == 0 || tm[0]["type"] != "team" {
		t.Fatalf("teams not expanded: %v", tm)
	}
	// Expansions that refer to each other stop at one level.
	_, m = call(t, s, "GET", "/services?include[]=escalation_policies&include[]=services&include[]=integrations&limit=1", nil)
	svc := items(m, "services")[0]
	ep, _ := svc["escalation_policy"].(map[string]any)
	if ep["type"] != "escalation_policy" {
		t.Fatalf("policy not expanded: %v", ep)
	}
	if nested := items(ep, "services"); len(nested) == 0 || nested[0]["type"] != "service_reference" {
		t.Fatalf("nested services should stay references: %v", nested)
	}
	if in := items(svc, "integrations"); len(in) == 0 || in[0]["integration_key"] == nil {
		t.Fatalf("integrations not expanded: %v", in)
	}
	_, m = call(t, s, "GET", "/oncalls?include[]=users&include[]=schedules&include[]=escalation_policies&limit=1", nil)
	oc := items(m, "oncalls")[0]
	if str(oc, "user", "type") != "user" || str(oc, "schedule", "type") != "schedule" || str(oc, "escalation_policy", "type") != "escalation_policy" {
		t.Fatalf("oncall includes: %v", oc)
	}
}

func TestListFilters(t *testing.T) {
	s := newDemo(t)
	d := s.Data()
	team := d.Teams[2]
	cases := []struct {
		path, key string
		want      int
	}{
		{"/users?query=grace", "users", 1},
		{"/users?team_ids[]=" + team.ID, "users", len(team.Members)},
		{"/teams?query=pay", "teams", 1},
		{"/services?query=checkout", "services", 1},
		{"/services?team_ids[]=" + team.ID, "services", 2},
		{"/schedules?query=primary", "schedules", 4},
		{"/escalation_policies?query=web", "escalation_policies", 1},
		{"/escalation_policies?team_ids[]=" + team.ID, "escalation_policies", 1},
		{"/escalation_policies?user_ids[]=" + team.Members[3].UserID, "escalation_policies", 1},
		{"/priorities", "priorities", 5},
	}
	for _, tc := range cases {
		_, m := call(t, s, "GET", tc.path, nil)
		if got := len(items(m, tc.key)); got != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.path, got, tc.key, tc.want)
		}
	}
}
