package mcptools

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	gschema "github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Confirmation says when a destructive tool (one that deletes, removes
// users, or resolves many incidents at once) asks the user to confirm
// through MCP elicitation before it changes anything.
type Confirmation int

const (
	// ConfirmWhenSupported asks the user when the client supports
	// elicitation, and goes ahead without asking otherwise: the tool's
	// destructive annotation is then the host's cue to confirm. It is the
	// zero value.
	ConfirmWhenSupported Confirmation = iota
	// ConfirmAlways asks the user, and refuses the call, changing nothing,
	// when the client cannot ask.
	ConfirmAlways
	// ConfirmNever never asks: for hosts that confirm each call themselves.
	ConfirmNever
)

// String returns the name of c, as flags spell it.
func (c Confirmation) String() string {
	switch c {
	case ConfirmWhenSupported:
		return "auto"
	case ConfirmAlways:
		return "always"
	case ConfirmNever:
		return "never"
	}
	return "Confirmation(" + strconv.Itoa(int(c)) + ")"
}

// ParseConfirmation returns the Confirmation named s: auto, always or
// never.
func ParseConfirmation(s string) (Confirmation, error) {
	for _, c := range []Confirmation{ConfirmWhenSupported, ConfirmAlways, ConfirmNever} {
		if strings.EqualFold(strings.TrimSpace(s), c.String()) {
			return c, nil
		}
	}
	return 0, fmt.Errorf("mcptools: unknown confirmation %q: use auto, always or never", s)
}

// confirmKey names the confirmation among the input requests of a call.
const confirmKey = "confirm"

// confirmValidity bounds how long a confirmation request stays answerable.
const confirmValidity = 10 * time.Minute

// confirmSchema is the form the user fills in: one required yes/no.
var confirmSchema = &gschema.Schema{
	Type: "object",
	Properties: map[string]*gschema.Schema{
		"confirm": {Type: "boolean", Title: "Confirm", Description: "Yes to go ahead; no changes nothing."},
	},
	Required: []string{"confirm"},
}

// confirm decides whether a destructive call may go ahead. It returns nil
// to proceed; otherwise the result to answer with: a request for the
// user's confirmation, or a tool error when the user declined or could not
// be asked. Nothing has been sent to PagerDuty at this point.
//
// The request carries, as its state, a signature of the tool's name, the
// call's arguments and the time: only an answer to a request this registry
// made, for these very arguments and in the last ten minutes, confirms a
// call. A client cannot confirm a call by sending an answer it was never
// asked for, nor carry a confirmation over to other arguments.
func (r *Registry) confirm(req *mcp.CallToolRequest, s *spec, args json.RawMessage) *mcp.CallToolResult {
	if r.opts.Confirmation == ConfirmNever {
		return nil
	}
	var params *mcp.CallToolParamsRaw
	if req != nil {
		params = req.Params
	}
	if params != nil && params.InputResponses != nil {
		if answer, ok := params.InputResponses[confirmKey]; ok {
			if !r.validConfirmState(params.RequestState, s.name, args) {
				return errorResult(fmt.Sprintf("The confirmation does not belong to this call of %s (it is for other arguments, or expired): nothing was changed. Call the tool again to ask the user.", s.name))
			}
			if res, ok := answer.(*mcp.ElicitResult); ok && res.Action == "accept" && res.Content[confirmKey] == true {
				return nil
			}
			return errorResult(fmt.Sprintf("The user did not confirm %q: nothing was changed. Do not retry unless the user asks again.", s.title))
		}
	}
	if !canElicit(req) {
		if r.opts.Confirmation == ConfirmAlways {
			return errorResult(fmt.Sprintf("This server asks the user to confirm %q first, and this client cannot ask (it does not support MCP elicitation): nothing was changed. The user can make the change in PagerDuty directly.", s.title))
		}
		return nil
	}
	return &mcp.CallToolResult{
		InputRequests: mcp.InputRequestMap{confirmKey: &mcp.ElicitParams{
			Mode:            "form",
			Message:         confirmMessage(s, args),
			RequestedSchema: confirmSchema,
		}},
		RequestState: r.confirmState(r.opts.Now(), s.name, args),
	}
}

// canElicit reports whether the client of req said it can ask its user a
// question in a form.
func canElicit(req *mcp.CallToolRequest) bool {
	if req == nil || req.Session == nil {
		return false
	}
	p := req.Session.InitializeParams()
	if p == nil || p.Capabilities == nil || p.Capabilities.Elicitation == nil {
		return false
	}
	e := p.Capabilities.Elicitation
	return e.Form != nil || e.URL == nil
}

// confirmState signs the tool's name and canonical arguments at time now.
func (r *Registry) confirmState(now time.Time, name string, args json.RawMessage) string {
	ts := strconv.FormatInt(now.Unix(), 10)
	m := hmac.New(sha256.New, r.signKey[:])
	m.Write([]byte(ts))
	m.Write([]byte{0})
	m.Write([]byte(name))
	m.Write([]byte{0})
	m.Write(canonicalArgs(args))
	return ts + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (r *Registry) validConfirmState(state, name string, args json.RawMessage) bool {
	ts, _, ok := strings.Cut(state, ".")
	if !ok {
		return false
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	at := time.Unix(sec, 0)
	if age := r.opts.Now().Sub(at); age < -time.Minute || age > confirmValidity {
		return false
	}
	return hmac.Equal([]byte(state), []byte(r.confirmState(at, name, args)))
}

// canonicalArgs is args with its keys sorted and spaces removed, so a
// client that re-encodes the same arguments still matches.
func canonicalArgs(args json.RawMessage) []byte {
	var v any
	if err := json.Unmarshal(args, &v); err != nil || v == nil {
		return []byte("{}")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("{}")
	}
	return b
}

// confirmMessage is what the user reads: the tool's title and the
// arguments of the call, one per line, each shortened.
func confirmMessage(s *spec, args json.RawMessage) string {
	var m map[string]any
	_ = json.Unmarshal(args, &m)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "Confirm: %s.", s.title)
	for _, k := range keys {
		fmt.Fprintf(&b, "\n%s: %s", k, truncate(argText(m[k]), 120))
	}
	b.WriteString("\nNothing is sent to PagerDuty unless you confirm.")
	return b.String()
}

func argText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = argText(x)
		}
		return strings.Join(parts, ", ")
	}
	b, _ := json.Marshal(v)
	return string(b)
}
