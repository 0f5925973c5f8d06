package pagerduty

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strings"
	"time"
)

// CacheVariable is a value an orchestration keeps between events, for its
// conditions and actions to read as cache_variables.<Name>: the last value
// seen in an event field, a count of recent trigger events, or data
// PagerDuty receives from outside.
type CacheVariable struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	// Disabled keeps the variable without updating it.
	Disabled      bool                     `json:"disabled,omitempty"`
	Configuration CacheVariableConfig      `json:"configuration"`
	Conditions    []OrchestrationCondition `json:"conditions,omitempty"`
	// DataEndpoint is where the data of an external_data variable is read
	// and written (see SetCacheVariableData).
	DataEndpoint string     `json:"data_endpoint,omitempty"`
	CreatedAt    time.Time  `json:"created_at,omitzero"`
	CreatedBy    *Reference `json:"created_by,omitempty"`
	UpdatedAt    time.Time  `json:"updated_at,omitzero"`
	UpdatedBy    *Reference `json:"updated_by,omitempty"`
}

// CacheVariableType is the kind of value a cache variable keeps.
type CacheVariableType string

// The kinds of cache variables.
const (
	// CacheRecentValue keeps the last value Regex captured in the event
	// field Source, from events meeting the conditions.
	CacheRecentValue CacheVariableType = "recent_value"
	// CacheTriggerEventCount counts the trigger events meeting the
	// conditions over the last TTLSeconds.
	CacheTriggerEventCount CacheVariableType = "trigger_event_count"
	// CacheExternalData keeps a value written through the API, for
	// TTLSeconds.
	CacheExternalData CacheVariableType = "external_data"
)

// CacheVariableDataType is the type of an external_data variable's value.
type CacheVariableDataType string

// The types of external data.
const (
	CacheDataString  CacheVariableDataType = "string"
	CacheDataNumber  CacheVariableDataType = "number"
	CacheDataBoolean CacheVariableDataType = "boolean"
)

// CacheVariableConfig says what a cache variable keeps; each Type reads its
// own fields.
type CacheVariableConfig struct {
	Type CacheVariableType `json:"type"`
	// Source and Regex (recent_value) are the event field read and the
	// expression whose capture is kept.
	Source string `json:"source,omitempty"`
	Regex  string `json:"regex,omitempty"`
	// TTLSeconds (trigger_event_count, external_data) is the window counted
	// or how long data is kept.
	TTLSeconds int `json:"ttl_seconds,omitempty"`
	// DataType (external_data) is the type of the value.
	DataType CacheVariableDataType `json:"data_type,omitempty"`
}

// CacheVariableParams describes a cache variable to create, or its new
// definition: both Create and Update need Name and Configuration.
type CacheVariableParams struct {
	Name string
	// Disabled keeps the variable without updating it.
	Disabled      bool
	Configuration CacheVariableConfig
	// Conditions select the events that update the variable (not for
	// external_data variables).
	Conditions []OrchestrationCondition
}

type cacheVariableWire struct {
	Name          string                   `json:"name"`
	Disabled      bool                     `json:"disabled"`
	Configuration CacheVariableConfig      `json:"configuration"`
	Conditions    []OrchestrationCondition `json:"conditions,omitempty"`
}

func (p *CacheVariableParams) wire() (map[string]any, error) {
	if p == nil {
		return nil, required("the cache variable params", "pass a *CacheVariableParams")
	}
	if strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the name conditions and actions read the variable by")
	}
	cfg := p.Configuration
	switch cfg.Type {
	case CacheRecentValue:
		if cfg.Source == "" || cfg.Regex == "" {
			return nil, required("Configuration.Source and Regex", "the event field read and the expression whose capture is kept")
		}
	case CacheTriggerEventCount:
		if cfg.TTLSeconds <= 0 {
			return nil, required("Configuration.TTLSeconds", "the window in seconds over which trigger events are counted")
		}
	case CacheExternalData:
		if cfg.TTLSeconds <= 0 {
			return nil, required("Configuration.TTLSeconds", "how many seconds written data is kept")
		}
		if err := oneOf("Configuration.DataType", []CacheVariableDataType{cfg.DataType}, CacheDataString, CacheDataNumber, CacheDataBoolean); err != nil {
			return nil, err
		}
		if len(p.Conditions) > 0 {
			return nil, fmt.Errorf("pagerduty: Conditions: an external_data variable is written through the API, not by events: leave Conditions empty")
		}
	default:
		if err := oneOf("Configuration.Type", []CacheVariableType{cfg.Type}, CacheRecentValue, CacheTriggerEventCount, CacheExternalData); err != nil {
			return nil, err
		}
	}
	for i, c := range p.Conditions {
		if strings.TrimSpace(c.Expression) == "" {
			return nil, required(fmt.Sprintf("Conditions[%d].Expression", i), "a condition such as event.source exists")
		}
	}
	return map[string]any{"cache_variable": cacheVariableWire{Name: p.Name, Disabled: p.Disabled, Configuration: cfg, Conditions: p.Conditions}}, nil
}

// CacheVariableData is the value of an external_data cache variable.
type CacheVariableData struct {
	// Value is a string, a float64 or a bool, as the variable's DataType
	// says.
	Value any `json:"cache_variable_data"`
	// UpdatedAt is when the value was written.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// checkCacheData accepts strings, booleans and finite numbers.
func checkCacheData(v any) error {
	if v == nil {
		return required("the value", "a string, a number or a bool; use DeleteCacheVariableData to clear it")
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return nil
	case reflect.Float32, reflect.Float64:
		if f := rv.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("pagerduty: the value %v is not a finite number", f)
		}
		return nil
	}
	return fmt.Errorf("pagerduty: the value is a %T: external data is a string, a number or a bool", v)
}

// The cache variables of global orchestrations and of services are the same
// calls under two prefixes; cacheScope names one.
type cacheScope struct {
	base string // "/event_orchestrations/{id}" or "/event_orchestrations/services/{service_id}"
	id   string
}

func (cs cacheScope) path(suffix string, ids ...string) (string, error) {
	return expandPath(cs.base+"/cache_variables"+suffix, append([]string{cs.id}, ids...)...)
}

func globalCache(id string) cacheScope { return cacheScope{base: "/event_orchestrations/{id}", id: id} }
func serviceCache(serviceID string) cacheScope {
	return cacheScope{base: "/event_orchestrations/services/{service_id}", id: serviceID}
}

func (s *EventOrchestrationsService) listCache(ctx context.Context, cs cacheScope) ([]CacheVariable, error) {
	path, err := cs.path("")
	if err != nil {
		return nil, err
	}
	return sliceCall[CacheVariable](ctx, s.client, path, "cache_variables", url.Values{})
}

func (s *EventOrchestrationsService) createCache(ctx context.Context, cs cacheScope, p *CacheVariableParams) (*CacheVariable, error) {
	path, err := cs.path("")
	if err != nil {
		return nil, err
	}
	body, err := p.wire()
	if err != nil {
		return nil, err
	}
	return objectOrFirstCall[CacheVariable](ctx, s.client, &request{method: "POST", path: path, body: body}, "cache_variable")
}

func (s *EventOrchestrationsService) getCache(ctx context.Context, cs cacheScope, varID string) (*CacheVariable, error) {
	path, err := cs.path("/{cache_variable_id}", varID)
	if err != nil {
		return nil, err
	}
	return objectOrFirstCall[CacheVariable](ctx, s.client, &request{method: "GET", path: path}, "cache_variable")
}

func (s *EventOrchestrationsService) updateCache(ctx context.Context, cs cacheScope, varID string, p *CacheVariableParams) (*CacheVariable, error) {
	path, err := cs.path("/{cache_variable_id}", varID)
	if err != nil {
		return nil, err
	}
	body, err := p.wire()
	if err != nil {
		return nil, err
	}
	return objectOrFirstCall[CacheVariable](ctx, s.client, &request{method: "PUT", path: path, body: body}, "cache_variable")
}

func (s *EventOrchestrationsService) deleteCache(ctx context.Context, cs cacheScope, varID, suffix string) error {
	path, err := cs.path("/{cache_variable_id}"+suffix, varID)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

func (s *EventOrchestrationsService) cacheData(ctx context.Context, cs cacheScope, varID string, value any, set bool) (*CacheVariableData, error) {
	path, err := cs.path("/{cache_variable_id}/data", varID)
	if err != nil {
		return nil, err
	}
	r := &request{method: "GET", path: path}
	if set {
		if err := checkCacheData(value); err != nil {
			return nil, err
		}
		r.method, r.body = "PUT", map[string]any{"cache_variable_data": value}
	}
	var out CacheVariableData
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListCacheVariables returns the cache variables of the global
// orchestration id.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) ListCacheVariables(ctx context.Context, id string) ([]CacheVariable, error) {
	return s.listCache(ctx, globalCache(id))
}

// CreateCacheVariable adds a cache variable to the global orchestration id
// and returns it.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) CreateCacheVariable(ctx context.Context, id string, p *CacheVariableParams) (*CacheVariable, error) {
	return s.createCache(ctx, globalCache(id), p)
}

// GetCacheVariable returns the cache variable varID of the global
// orchestration id.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) GetCacheVariable(ctx context.Context, id, varID string) (*CacheVariable, error) {
	return s.getCache(ctx, globalCache(id), varID)
}

// UpdateCacheVariable replaces the definition of the cache variable varID of
// the global orchestration id with p and returns it.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) UpdateCacheVariable(ctx context.Context, id, varID string, p *CacheVariableParams) (*CacheVariable, error) {
	return s.updateCache(ctx, globalCache(id), varID, p)
}

// DeleteCacheVariable removes the cache variable varID of the global
// orchestration id.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) DeleteCacheVariable(ctx context.Context, id, varID string) error {
	return s.deleteCache(ctx, globalCache(id), varID, "")
}

// GetCacheVariableData returns the value of the external_data cache
// variable varID of the global orchestration id.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) GetCacheVariableData(ctx context.Context, id, varID string) (*CacheVariableData, error) {
	return s.cacheData(ctx, globalCache(id), varID, nil, false)
}

// SetCacheVariableData writes value (a string, a number or a bool, as the
// variable's DataType says) to the external_data cache variable varID of
// the global orchestration id, and returns it as stored.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) SetCacheVariableData(ctx context.Context, id, varID string, value any) (*CacheVariableData, error) {
	return s.cacheData(ctx, globalCache(id), varID, value, true)
}

// DeleteCacheVariableData clears the value of the external_data cache
// variable varID of the global orchestration id.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) DeleteCacheVariableData(ctx context.Context, id, varID string) error {
	return s.deleteCache(ctx, globalCache(id), varID, "/data")
}

// ListServiceCacheVariables returns the cache variables of the service
// orchestration of the service serviceID.
//
// OAuth scope services.read.
func (s *EventOrchestrationsService) ListServiceCacheVariables(ctx context.Context, serviceID string) ([]CacheVariable, error) {
	return s.listCache(ctx, serviceCache(serviceID))
}

// CreateServiceCacheVariable adds a cache variable to the service
// orchestration of the service serviceID and returns it.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) CreateServiceCacheVariable(ctx context.Context, serviceID string, p *CacheVariableParams) (*CacheVariable, error) {
	return s.createCache(ctx, serviceCache(serviceID), p)
}

// GetServiceCacheVariable returns the cache variable varID of the service
// orchestration of the service serviceID.
//
// OAuth scope services.read.
func (s *EventOrchestrationsService) GetServiceCacheVariable(ctx context.Context, serviceID, varID string) (*CacheVariable, error) {
	return s.getCache(ctx, serviceCache(serviceID), varID)
}

// UpdateServiceCacheVariable replaces the definition of the cache variable
// varID of the service orchestration of the service serviceID with p and
// returns it.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) UpdateServiceCacheVariable(ctx context.Context, serviceID, varID string, p *CacheVariableParams) (*CacheVariable, error) {
	return s.updateCache(ctx, serviceCache(serviceID), varID, p)
}

// DeleteServiceCacheVariable removes the cache variable varID of the
// service orchestration of the service serviceID.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) DeleteServiceCacheVariable(ctx context.Context, serviceID, varID string) error {
	return s.deleteCache(ctx, serviceCache(serviceID), varID, "")
}

// GetServiceCacheVariableData returns the value of the external_data cache
// variable varID of the service orchestration of the service serviceID.
//
// OAuth scope services.read.
func (s *EventOrchestrationsService) GetServiceCacheVariableData(ctx context.Context, serviceID, varID string) (*CacheVariableData, error) {
	return s.cacheData(ctx, serviceCache(serviceID), varID, nil, false)
}

// SetServiceCacheVariableData writes value (a string, a number or a bool)
// to the external_data cache variable varID of the service orchestration of
// the service serviceID, and returns it as stored.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) SetServiceCacheVariableData(ctx context.Context, serviceID, varID string, value any) (*CacheVariableData, error) {
	return s.cacheData(ctx, serviceCache(serviceID), varID, value, true)
}

// DeleteServiceCacheVariableData clears the value of the external_data
// cache variable varID of the service orchestration of the service
// serviceID.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) DeleteServiceCacheVariableData(ctx context.Context, serviceID, varID string) error {
	return s.deleteCache(ctx, serviceCache(serviceID), varID, "/data")
}
