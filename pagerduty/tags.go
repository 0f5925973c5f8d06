package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
)

// Tag is a label attached to users, teams and escalation policies, to find
// them together.
type Tag struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
	Label   string `json:"label"`
}

// TagEntityType is the kind of object tags attach to.
type TagEntityType string

// The kinds of objects that carry tags.
const (
	TaggedUsers              TagEntityType = "users"
	TaggedTeams              TagEntityType = "teams"
	TaggedEscalationPolicies TagEntityType = "escalation_policies"
)

func checkEntityType(t TagEntityType) error {
	if t == "" {
		return required("entity type", "one of users, teams, escalation_policies")
	}
	return oneOf("entity type", []TagEntityType{t}, TaggedUsers, TaggedTeams, TaggedEscalationPolicies)
}

// ListTagsOptions filters a tag listing.
type ListTagsOptions struct {
	ListOptions
	// Query keeps the tags whose label contains it.
	Query string `url:"query"`
}

func (o *ListTagsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the account's tags.
//
// OAuth scope tags.read.
func (s *TagsService) List(ctx context.Context, opts *ListTagsOptions) iter.Seq2[Tag, error] {
	return offsetSeqAt[Tag](ctx, s.client, "/tags", "tags", opts.query)
}

// ListPage returns one page of the account's tags.
//
// OAuth scope tags.read.
func (s *TagsService) ListPage(ctx context.Context, opts *ListTagsOptions) (*Page[Tag], error) {
	return offsetPageAt[Tag](ctx, s.client, "/tags", "tags", opts.query)
}

// Get returns the tag id.
//
// OAuth scope tags.read.
func (s *TagsService) Get(ctx context.Context, id string) (*Tag, error) {
	path, err := expandPath("/tags/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[Tag](ctx, s.client, &request{method: "GET", path: path}, "tag")
}

// Create adds a tag with the given label and returns it.
//
// OAuth scope tags.write.
func (s *TagsService) Create(ctx context.Context, label string) (*Tag, error) {
	if label == "" {
		return nil, required("label", "the tag's text, such as \"payments\"")
	}
	body := map[string]any{"tag": map[string]string{"type": "tag", "label": label}}
	return objectCall[Tag](ctx, s.client, &request{method: "POST", path: "/tags", body: body}, "tag")
}

// Delete removes the tag id from the account and from every object that
// carries it.
//
// OAuth scope tags.write.
func (s *TagsService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/tags/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// ListForEntity streams the tags of the object id of kind entityType (a
// user, a team or an escalation policy).
//
// OAuth scope tags.read.
func (s *TagsService) ListForEntity(ctx context.Context, entityType TagEntityType, id string, opts *ListOptions) iter.Seq2[Tag, error] {
	if err := checkEntityType(entityType); err != nil {
		return errSeq[Tag](err)
	}
	return offsetSeqAt[Tag](ctx, s.client, "/{entity_type}/{id}/tags", "tags", pagedQuery(opts), string(entityType), id)
}

// ListEntities streams the objects of kind entityType (users, teams or
// escalation policies) that carry the tag id, as references.
//
// OAuth scope tags.read.
func (s *TagsService) ListEntities(ctx context.Context, id string, entityType TagEntityType, opts *ListOptions) iter.Seq2[Reference, error] {
	if err := checkEntityType(entityType); err != nil {
		return errSeq[Reference](err)
	}
	return offsetSeqAt[Reference](ctx, s.client, "/tags/{id}/{entity_type}", string(entityType), pagedQuery(opts), id, string(entityType))
}

// ChangeTagsParams says which tags to attach to an object and which to
// detach from it.
type ChangeTagsParams struct {
	// AddLabels attaches tags by label, creating those that do not exist.
	AddLabels []string
	// AddIDs attaches existing tags.
	AddIDs []string
	// RemoveIDs detaches tags.
	RemoveIDs []string
}

type tagChange struct {
	Type  string `json:"type"`
	ID    string `json:"id,omitempty"`
	Label string `json:"label,omitempty"`
}

func (p *ChangeTagsParams) body() (any, error) {
	if p == nil || len(p.AddLabels)+len(p.AddIDs)+len(p.RemoveIDs) == 0 {
		return nil, errors.New("pagerduty: the change does nothing: set AddLabels, AddIDs or RemoveIDs")
	}
	if err := checkIDs("AddIDs", p.AddIDs); err != nil {
		return nil, err
	}
	if err := checkIDs("RemoveIDs", p.RemoveIDs); err != nil {
		return nil, err
	}
	w := map[string][]tagChange{}
	for i, l := range p.AddLabels {
		if l == "" {
			return nil, fmt.Errorf("pagerduty: AddLabels[%d] is empty: a tag needs a label", i)
		}
		w["add"] = append(w["add"], tagChange{Type: "tag", Label: l})
	}
	for _, id := range p.AddIDs {
		w["add"] = append(w["add"], tagChange{Type: "tag_reference", ID: id})
	}
	for _, id := range p.RemoveIDs {
		w["remove"] = append(w["remove"], tagChange{Type: "tag_reference", ID: id})
	}
	return w, nil
}

// Change attaches and detaches the tags of p to the object id of kind
// entityType (a user, a team or an escalation policy). PagerDuty applies
// the change in the background.
//
// OAuth scope tags.write.
func (s *TagsService) Change(ctx context.Context, entityType TagEntityType, id string, p *ChangeTagsParams) error {
	if err := checkEntityType(entityType); err != nil {
		return err
	}
	path, err := expandPath("/{entity_type}/{id}/change_tags", string(entityType), id)
	if err != nil {
		return err
	}
	body, err := p.body()
	if err != nil {
		return err
	}
	// Attaching or detaching the same tags twice leaves the same state.
	return s.client.do(ctx, &request{method: "POST", path: path, body: body, retrySafe: true}, nil)
}
