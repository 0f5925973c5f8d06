package pagerduty_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pdkit/pdkit/pagerduty"
)

const cacheVarJSON = `{"id":"cv-1","name":"last_host","disabled":true,
	"configuration":{"type":"recent_value","source":"event.source","regex":"(.*)"},
	"conditions":[{"expression":"event.source exists"}],
	"created_at":"2025-02-01T09:00:00Z","created_by":{"id":"PUSER01","type":"user_reference"},
	"updated_at":"2025-02-02T09:00:00Z","updated_by":{"id":"PUSER02","type":"user_reference"}}`

func wantCacheVar() *pagerduty.CacheVariable {
	return &pagerduty.CacheVariable{
		ID: "cv-1", Name: "last_host", Disabled: true,
		Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheRecentValue, Source: "event.source", Regex: "(.*)"},
		Conditions:    []pagerduty.OrchestrationCondition{{Expression: "event.source exists"}},
		CreatedAt:     time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC),
		CreatedBy:     &pagerduty.Reference{ID: "PUSER01", Type: "user_reference"},
		UpdatedAt:     time.Date(2025, 2, 2, 9, 0, 0, 0, time.UTC),
		UpdatedBy:     &pagerduty.Reference{ID: "PUSER02", Type: "user_reference"},
	}
}

func checkCacheVar(t *testing.T, got any) {
	t.Helper()
	if diff := cmp.Diff(wantCacheVar(), got); diff != "" {
		t.Errorf("cache variable (-want +got):\n%s", diff)
	}
}

func checkCacheVars(t *testing.T, got any) {
	t.Helper()
	list := got.([]pagerduty.CacheVariable)
	if len(list) != 2 {
		t.Fatalf("cache variables = %+v", list)
	}
	checkCacheVar(t, &list[0])
	ext := list[1]
	if ext.Configuration.Type != pagerduty.CacheExternalData || ext.Configuration.DataType != pagerduty.CacheDataNumber ||
		ext.Configuration.TTLSeconds != 600 || ext.DataEndpoint == "" {
		t.Errorf("external data variable = %+v", ext)
	}
}

const cacheListJSON = `{"cache_variables":[` + cacheVarJSON + `,{"id":"cv-2","name":"freeze",
	"configuration":{"type":"external_data","data_type":"number","ttl_seconds":600},
	"data_endpoint":"https://api.pagerduty.com/event_orchestrations/x/cache_variables/cv-2/data"}],"total":2}`

func TestEventOrchestrationsCacheVariableRequests(t *testing.T) {
	recent := &pagerduty.CacheVariableParams{
		Name: "last_host", Disabled: true,
		Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheRecentValue, Source: "event.source", Regex: "(.*)"},
		Conditions:    []pagerduty.OrchestrationCondition{{Expression: "event.source exists"}},
	}
	recentBody := `{"cache_variable":{"name":"last_host","disabled":true,
		"configuration":{"type":"recent_value","source":"event.source","regex":"(.*)"},"conditions":[{"expression":"event.source exists"}]}}`
	counter := &pagerduty.CacheVariableParams{Name: "triggers", Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheTriggerEventCount, TTLSeconds: 300}}
	counterBody := `{"cache_variable":{"name":"triggers","disabled":false,"configuration":{"type":"trigger_event_count","ttl_seconds":300}}}`
	external := &pagerduty.CacheVariableParams{Name: "freeze", Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheExternalData, DataType: pagerduty.CacheDataBoolean, TTLSeconds: 60}}
	externalBody := `{"cache_variable":{"name":"freeze","disabled":false,"configuration":{"type":"external_data","data_type":"boolean","ttl_seconds":60}}}`

	g := "/event_orchestrations/" + orchID + "/cache_variables"
	s := "/event_orchestrations/services/PSVC001/cache_variables"
	eo := func(c *pagerduty.Client) *pagerduty.EventOrchestrationsService { return c.EventOrchestrations }
	runAPICases(t, []apiCase{
		{name: "ListCacheVariables", answer: cacheListJSON, want: wantRequest{method: "GET", path: g}, check: checkCacheVars,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).ListCacheVariables(ctx, orchID)
			}},
		{name: "CreateCacheVariable", answer: `{"cache_variable":` + cacheVarJSON + `}`, want: wantRequest{method: "POST", path: g, body: recentBody}, check: checkCacheVar,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).CreateCacheVariable(ctx, orchID, recent)
			}},
		{name: "GetCacheVariable", answer: `{"cache_variable":` + cacheVarJSON + `}`, want: wantRequest{method: "GET", path: g + "/cv-1"}, check: checkCacheVar,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).GetCacheVariable(ctx, orchID, "cv-1")
			}},
		{name: "UpdateCacheVariable", answer: `{"cache_variable":` + cacheVarJSON + `}`, want: wantRequest{method: "PUT", path: g + "/cv-1", body: counterBody}, check: checkCacheVar,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).UpdateCacheVariable(ctx, orchID, "cv-1", counter)
			}},
		{name: "DeleteCacheVariable", status: 204, want: wantRequest{method: "DELETE", path: g + "/cv-1"},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, eo(c).DeleteCacheVariable(ctx, orchID, "cv-1")
			}},
		{name: "GetCacheVariableData", answer: `{"cache_variable_data":"frozen","updated_at":"2025-02-03T00:00:00Z"}`, want: wantRequest{method: "GET", path: g + "/cv-1/data"},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).GetCacheVariableData(ctx, orchID, "cv-1")
			},
			check: func(t *testing.T, got any) {
				d := got.(*pagerduty.CacheVariableData)
				if d.Value != "frozen" || !d.UpdatedAt.Equal(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("data = %+v", d)
				}
			}},
		{name: "SetCacheVariableData", answer: `{"cache_variable_data":12.5}`, want: wantRequest{method: "PUT", path: g + "/cv-1/data", body: `{"cache_variable_data":12.5}`},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).SetCacheVariableData(ctx, orchID, "cv-1", 12.5)
			},
			check: func(t *testing.T, got any) {
				if d := got.(*pagerduty.CacheVariableData); d.Value != 12.5 {
					t.Errorf("data = %+v", d)
				}
			}},
		{name: "DeleteCacheVariableData", status: 204, want: wantRequest{method: "DELETE", path: g + "/cv-1/data"},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, eo(c).DeleteCacheVariableData(ctx, orchID, "cv-1")
			}},

		{name: "ListServiceCacheVariables", answer: cacheListJSON, want: wantRequest{method: "GET", path: s}, check: checkCacheVars,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).ListServiceCacheVariables(ctx, "PSVC001")
			}},
		{name: "CreateServiceCacheVariable", answer: `{"cache_variable":` + cacheVarJSON + `}`, want: wantRequest{method: "POST", path: s, body: externalBody}, check: checkCacheVar,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).CreateServiceCacheVariable(ctx, "PSVC001", external)
			}},
		{name: "GetServiceCacheVariable accepts an array", answer: `{"cache_variable":[` + cacheVarJSON + `]}`, want: wantRequest{method: "GET", path: s + "/cv-1"}, check: checkCacheVar,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).GetServiceCacheVariable(ctx, "PSVC001", "cv-1")
			}},
		{name: "UpdateServiceCacheVariable", answer: `{"cache_variable":` + cacheVarJSON + `}`, want: wantRequest{method: "PUT", path: s + "/cv-1", body: recentBody}, check: checkCacheVar,
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).UpdateServiceCacheVariable(ctx, "PSVC001", "cv-1", recent)
			}},
		{name: "DeleteServiceCacheVariable", status: 204, want: wantRequest{method: "DELETE", path: s + "/cv-1"},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, eo(c).DeleteServiceCacheVariable(ctx, "PSVC001", "cv-1")
			}},
		{name: "GetServiceCacheVariableData", answer: `{"cache_variable_data":true}`, want: wantRequest{method: "GET", path: s + "/cv-1/data"},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).GetServiceCacheVariableData(ctx, "PSVC001", "cv-1")
			},
			check: func(t *testing.T, got any) {
				if d := got.(*pagerduty.CacheVariableData); d.Value != true || !d.UpdatedAt.IsZero() {
					t.Errorf("data = %+v", d)
				}
			}},
		{name: "SetServiceCacheVariableData", answer: `{"cache_variable_data":false}`, want: wantRequest{method: "PUT", path: s + "/cv-1/data", body: `{"cache_variable_data":false}`},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return eo(c).SetServiceCacheVariableData(ctx, "PSVC001", "cv-1", false)
			},
			check: func(t *testing.T, got any) {
				if d := got.(*pagerduty.CacheVariableData); d.Value != false {
					t.Errorf("data = %+v", d)
				}
			}},
		{name: "DeleteServiceCacheVariableData", status: 204, want: wantRequest{method: "DELETE", path: s + "/cv-1/data"},
			call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
				return nil, eo(c).DeleteServiceCacheVariableData(ctx, "PSVC001", "cv-1")
			}},
	})
}

func TestEventOrchestrationsRejectBadCacheVariables(t *testing.T) {
	create := func(p *pagerduty.CacheVariableParams) func(ctx context.Context, c *pagerduty.Client) error {
		return func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EventOrchestrations.CreateCacheVariable(ctx, orchID, p)
			return err
		}
	}
	cfg := func(c pagerduty.CacheVariableConfig) *pagerduty.CacheVariableParams {
		return &pagerduty.CacheVariableParams{Name: "v", Configuration: c}
	}
	runBadCalls(t, []badCall{
		{"nil params", create(nil), "params is required"},
		{"no name", create(&pagerduty.CacheVariableParams{Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheTriggerEventCount, TTLSeconds: 5}}), "Name is required"},
		{"no type", create(cfg(pagerduty.CacheVariableConfig{})), `Configuration.Type: "" is not accepted; use one of recent_value, trigger_event_count, external_data`},
		{"unknown type", create(cfg(pagerduty.CacheVariableConfig{Type: "average"})), `"average" is not accepted`},
		{"recent value without a regex", create(cfg(pagerduty.CacheVariableConfig{Type: pagerduty.CacheRecentValue, Source: "event.summary"})), "Configuration.Source and Regex is required"},
		{"counter without a window", create(cfg(pagerduty.CacheVariableConfig{Type: pagerduty.CacheTriggerEventCount})), "Configuration.TTLSeconds is required"},
		{"external data without a type", create(cfg(pagerduty.CacheVariableConfig{Type: pagerduty.CacheExternalData, TTLSeconds: 5})), `Configuration.DataType: "" is not accepted`},
		{"external data with conditions", create(&pagerduty.CacheVariableParams{Name: "v",
			Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheExternalData, TTLSeconds: 5, DataType: pagerduty.CacheDataString},
			Conditions:    []pagerduty.OrchestrationCondition{{Expression: "event.source exists"}}}), "leave Conditions empty"},
		{"empty condition", create(&pagerduty.CacheVariableParams{Name: "v",
			Configuration: pagerduty.CacheVariableConfig{Type: pagerduty.CacheTriggerEventCount, TTLSeconds: 5},
			Conditions:    []pagerduty.OrchestrationCondition{{}}}), "Conditions[0].Expression is required"},
		{"bad variable ID", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EventOrchestrations.GetServiceCacheVariable(ctx, "PSVC001", "../x")
			return err
		}, "{cache_variable_id}"},
		{"bad service ID", func(ctx context.Context, c *pagerduty.Client) error {
			return c.EventOrchestrations.DeleteServiceCacheVariableData(ctx, "", "cv-1")
		}, "{service_id}"},
		{"data of another type", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EventOrchestrations.SetCacheVariableData(ctx, orchID, "cv-1", []string{"a"})
			return err
		}, "is a []string: external data is a string, a number or a bool"},
		{"no data", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EventOrchestrations.SetServiceCacheVariableData(ctx, "PSVC001", "cv-1", nil)
			return err
		}, "the value is required"},
		{"data not a number", func(ctx context.Context, c *pagerduty.Client) error {
			_, err := c.EventOrchestrations.SetCacheVariableData(ctx, orchID, "cv-1", math.Inf(1))
			return err
		}, "not a finite number"},
	})
}

// Integers are numbers too.
func TestEventOrchestrationsCacheDataAcceptsIntegers(t *testing.T) {
	runAPICases(t, []apiCase{{
		name: "SetCacheVariableData",
		call: func(ctx context.Context, c *pagerduty.Client) (any, error) {
			return c.EventOrchestrations.SetCacheVariableData(ctx, orchID, "cv-1", 42)
		},
		answer: `{"cache_variable_data":42}`,
		want:   wantRequest{method: "PUT", path: "/event_orchestrations/" + orchID + "/cache_variables/cv-1/data", body: `{"cache_variable_data":42}`},
		check: func(t *testing.T, got any) {
			if d := got.(*pagerduty.CacheVariableData); d.Value != float64(42) {
				t.Errorf("data = %#v, want float64 42", d.Value)
			}
		},
	}})
}
