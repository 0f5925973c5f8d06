package pagerduty

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// SREMemoryType is the kind of knowledge an SRE agent memory holds.
type SREMemoryType string

// The kinds of SRE agent memories.
const (
	SREMemoryRunbook          SREMemoryType = "runbook"
	SREMemoryServiceProfile   SREMemoryType = "service_profile"
	SREMemoryIncidentPlaybook SREMemoryType = "incident_playbook"
	// SREMemoryIncidentSummary memories are written by the agent and cannot
	// be used as a listing filter.
	SREMemoryIncidentSummary SREMemoryType = "incident_summary"
)

// SREMemory is a piece of knowledge PagerDuty's SRE agent keeps and draws on
// when it helps with incidents.
type SREMemory struct {
	ID string `json:"id"`
	// Content is the memory's text.
	Content    string              `json:"content"`
	Attributes SREMemoryAttributes `json:"attributes"`
	CreatedAt  time.Time           `json:"created_at,omitzero"`
	UpdatedAt  time.Time           `json:"updated_at,omitzero"`
}

// SREMemoryAttributes says what a memory is about.
type SREMemoryAttributes struct {
	AccountID  string        `json:"account_id,omitempty"`
	ServiceID  string        `json:"service_id,omitempty"`
	IncidentID string        `json:"incident_id,omitempty"`
	Type       SREMemoryType `json:"type,omitempty"`
}

// ListSREMemoriesOptions filters the memories. The zero value lists the
// API's default number of memories of every kind.
type ListSREMemoriesOptions struct {
	// Limit is how many memories to return, 1 to 100 (0: the API's default,
	// 20).
	Limit      int           `url:"limit"`
	ServiceID  string        `url:"service_id"`
	IncidentID string        `url:"incident_id"`
	Type       SREMemoryType `url:"type"`
}

// ListMemories returns the SRE agent's memories that match opts. The API
// answers in one piece, at most Limit memories.
//
// OAuth scope incident.read.
func (s *SREAgentService) ListMemories(ctx context.Context, opts *ListSREMemoriesOptions) ([]SREMemory, error) {
	q := url.Values{}
	if opts != nil {
		if opts.Limit < 0 || opts.Limit > MaxPageSize {
			return nil, fmt.Errorf("pagerduty: Limit %d is out of range: use 1 to %d (0 for the default)", opts.Limit, MaxPageSize)
		}
		for _, id := range []struct{ name, v string }{{"ServiceID", opts.ServiceID}, {"IncidentID", opts.IncidentID}} {
			if id.v != "" {
				if err := checkIDs(id.name, []string{id.v}); err != nil {
					return nil, err
				}
			}
		}
		if err := oneOfIfSet("Type", opts.Type, SREMemoryRunbook, SREMemoryServiceProfile, SREMemoryIncidentPlaybook); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
		if opts.Limit > 0 {
			q.Set("limit", strconv.Itoa(opts.Limit))
		}
	}
	return sliceCall[SREMemory](ctx, s.client, "/sre_agent/memories", "memories", q)
}

// UpdateMemory replaces the text of the memory with the given ID and
// returns the memory as stored.
//
// OAuth scope sre_agent.write.
func (s *SREAgentService) UpdateMemory(ctx context.Context, id, content string) (*SREMemory, error) {
	path, err := expandPath("/sre_agent/memories/{id}", id)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(content) == "" {
		return nil, required("content", "the memory's new text")
	}
	body := map[string]any{"memory": map[string]string{"content": content}}
	return objectCall[SREMemory](ctx, s.client, &request{method: "PUT", path: path, body: body}, "memory")
}

// DeleteMemory deletes the memory with the given ID.
//
// OAuth scope sre_agent.write.
func (s *SREAgentService) DeleteMemory(ctx context.Context, id string) error {
	path, err := expandPath("/sre_agent/memories/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
