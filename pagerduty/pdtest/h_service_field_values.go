package pdtest

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"slices"
	"time"
	"unicode/utf8"
)

// Limits of service custom field values, as the API states them.
const (
	maxFieldNameLen    = 50
	maxFieldStringLen  = 200
	maxFieldMultiItems = 10
)

// Data and field types of custom fields.
const (
	fieldString   = "string"
	fieldBoolean  = "boolean"
	fieldInteger  = "integer"
	fieldFloat    = "float"
	fieldDatetime = "datetime"
	fieldURL      = "url"

	fieldSingle = "single_value"
	fieldMulti  = "multi_value"
)

// serviceFields holds the custom fields of the services: the account's
// field definitions and each service's values. pdtest serves no endpoint
// that defines service custom fields, so a field is defined the first time
// a value is set under a new name: its data type is the value's (string,
// boolean, integer or float; a list of strings makes a multi-value string
// field), and later values must fit it.
type serviceFields struct {
	defs   []*fieldDef          // in order of definition
	values map[string]fieldVals // by service ID
}

// fieldVals are one service's values, by field ID.
type fieldVals map[string]any

// fieldDef is a service custom field.
type fieldDef struct {
	ID, Name, DataType, FieldType string
}

// fields returns the service custom fields, creating the store on first use.
func (st *state) fields() *serviceFields {
	if st.svcFields == nil {
		st.svcFields = &serviceFields{values: map[string]fieldVals{}}
	}
	return st.svcFields
}

func (f *serviceFields) byID(id string) *fieldDef {
	i := slices.IndexFunc(f.defs, func(d *fieldDef) bool { return d.ID == id })
	if i < 0 {
		return nil
	}
	return f.defs[i]
}

func (f *serviceFields) byName(name string) *fieldDef {
	i := slices.IndexFunc(f.defs, func(d *fieldDef) bool { return d.Name == name })
	if i < 0 {
		return nil
	}
	return f.defs[i]
}

// wFieldValue is a custom field and its value on a service.
type wFieldValue struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	Name        string  `json:"name"`
	DisplayName string  `json:"display_name"`
	Description *string `json:"description"`
	DataType    string  `json:"data_type"`
	FieldType   string  `json:"field_type"`
	Value       any     `json:"value"`
}

func (d *fieldDef) wire(v any) wFieldValue {
	return wFieldValue{ID: d.ID, Type: "field_value", Name: d.Name, DisplayName: d.Name,
		DataType: d.DataType, FieldType: d.FieldType, Value: v}
}

// getServiceFieldValues serves GET /services/{id}/custom_fields/values:
// every field of the account, with the service's value (null when unset).
func (h *Handler) getServiceFieldValues(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.serviceOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		f := c.st.fields()
		out := make([]wFieldValue, 0, len(f.defs))
		for _, d := range f.defs {
			out = append(out, d.wire(f.values[s.ID][d.ID]))
		}
		return reply{200, map[string]any{"custom_fields": out}}, nil
	})
}

// fieldChange is one item of a PUT /services/{id}/custom_fields/values body.
type fieldChange struct {
	ID    *string         `json:"id"`
	Name  *string         `json:"name"`
	Value json.RawMessage `json:"value"` // "null" clears; empty: missing
}

// setServiceFieldValues serves PUT /services/{id}/custom_fields/values: it
// sets the fields named (by ID or by name), leaves the others alone, and
// answers 201 with the fields set. Every change is checked before any is
// applied, so a bad one changes nothing.
func (h *Handler) setServiceFieldValues(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		s, err := h.serviceOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		var in struct {
			Fields *[]fieldChange `json:"custom_fields"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		if in.Fields == nil || len(*in.Fields) == 0 {
			return reply{}, errInvalid(`custom_fields is missing or empty: send {"custom_fields": [{"id" or "name": ..., "value": ...}]}`)
		}
		f := c.st.fields()
		changes := make([]resolvedChange, 0, len(*in.Fields))
		for i, fc := range *in.Fields {
			ch, aerr := f.resolve(i, fc)
			if aerr != nil {
				return reply{}, aerr
			}
			for _, prev := range changes {
				if (ch.def != nil && prev.def == ch.def) || (ch.def == nil && prev.def == nil && prev.name == ch.name) {
					return reply{}, errInvalid("custom_fields[%d] sets the field %q a second time; set each field once", i, ch.name)
				}
			}
			changes = append(changes, ch)
		}
		vals := f.values[s.ID]
		if vals == nil {
			vals = fieldVals{}
			f.values[s.ID] = vals
		}
		out := make([]wFieldValue, 0, len(changes))
		for _, ch := range changes {
			d := ch.def
			if d == nil {
				d = &fieldDef{ID: c.st.newID(), Name: ch.name}
				d.DataType, d.FieldType = fieldKind(ch.value)
				f.defs = append(f.defs, d)
			}
			if ch.value == nil {
				delete(vals, d.ID)
			} else {
				vals[d.ID] = ch.value
			}
			out = append(out, d.wire(ch.value))
		}
		return reply{http.StatusCreated, map[string]any{"custom_fields": out}}, nil
	})
}

// resolvedChange is a checked change: the field (nil for one to define
// under name) and the value to set.
type resolvedChange struct {
	def   *fieldDef
	name  string
	value any
}

// resolve checks the i-th change and finds its field.
func (f *serviceFields) resolve(i int, fc fieldChange) (resolvedChange, *apiError) {
	if (fc.ID == nil) == (fc.Name == nil) {
		return resolvedChange{}, errInvalid("custom_fields[%d] must name its field by id or by name, exactly one of them", i)
	}
	if len(fc.Value) == 0 {
		return resolvedChange{}, errInvalid(`custom_fields[%d].value is missing: send the new value, or null to clear the field`, i)
	}
	var raw any
	if err := json.Unmarshal(fc.Value, &raw); err != nil {
		return resolvedChange{}, errInvalid("custom_fields[%d].value is not valid JSON: %v", i, err)
	}
	value, aerr := checkFieldValue(i, raw)
	if aerr != nil {
		return resolvedChange{}, aerr
	}
	var d *fieldDef
	name := ""
	if fc.ID != nil {
		if d = f.byID(*fc.ID); d == nil {
			return resolvedChange{}, errInvalid("custom_fields[%d].id %q is not a custom field of this account", i, clipText(*fc.ID))
		}
	} else {
		name = *fc.Name
		if !validFieldName(name) {
			return resolvedChange{}, errInvalid("custom_fields[%d].name %q is not a field name: 1 to %d lowercase letters, digits and underscores", i, clipText(name), maxFieldNameLen)
		}
		d = f.byName(name)
		if d == nil && value == nil {
			return resolvedChange{}, errInvalid("custom_fields[%d].name %q is not a custom field of this account; a first value cannot be null", i, name)
		}
	}
	if d != nil {
		name = d.Name
		if aerr := d.fits(i, value); aerr != nil {
			return resolvedChange{}, aerr
		}
	}
	return resolvedChange{def: d, name: name, value: value}, nil
}

// checkFieldValue checks the shape and size of a value, and returns it
// ready to keep (a list of strings as []string).
func checkFieldValue(i int, v any) (any, *apiError) {
	switch x := v.(type) {
	case nil, bool, float64:
		return x, nil
	case string:
		if n := utf8.RuneCountInString(x); n > maxFieldStringLen {
			return nil, errInvalid("custom_fields[%d].value is %d characters long; at most %d are accepted", i, n, maxFieldStringLen)
		}
		return x, nil
	case []any:
		if len(x) > maxFieldMultiItems {
			return nil, errInvalid("custom_fields[%d].value has %d items; at most %d are accepted", i, len(x), maxFieldMultiItems)
		}
		out := make([]string, 0, len(x))
		for j, item := range x {
			s, ok := item.(string)
			if !ok {
				return nil, errInvalid("custom_fields[%d].value[%d] is not a string: a multi-value field holds strings", i, j)
			}
			if n := utf8.RuneCountInString(s); n > maxFieldStringLen {
				return nil, errInvalid("custom_fields[%d].value[%d] is %d characters long; at most %d are accepted", i, j, n, maxFieldStringLen)
			}
			if slices.Contains(out, s) {
				return nil, errInvalid("custom_fields[%d].value lists %q twice; the values of a multi-value field are unique", i, clipText(s))
			}
			out = append(out, s)
		}
		return out, nil
	default:
		return nil, errInvalid("custom_fields[%d].value is an object; send the value itself: a string, a number, a boolean, a list of strings or null", i)
	}
}

// fieldKind is the data and field type a field takes from its first value.
func fieldKind(v any) (dataType, fieldType string) {
	switch x := v.(type) {
	case bool:
		return fieldBoolean, fieldSingle
	case float64:
		if x == math.Trunc(x) {
			return fieldInteger, fieldSingle
		}
		return fieldFloat, fieldSingle
	case []string:
		return fieldString, fieldMulti
	default:
		return fieldString, fieldSingle
	}
}

// fits checks a value (already shape-checked) against the field's types.
func (d *fieldDef) fits(i int, v any) *apiError {
	if v == nil {
		return nil
	}
	_, multi := v.([]string)
	switch {
	case d.FieldType == fieldMulti && !multi:
		return errInvalid("custom_fields[%d].value: the field %q holds a list of strings; send a list (or null)", i, d.Name)
	case d.FieldType != fieldMulti && multi:
		return errInvalid("custom_fields[%d].value: the field %q holds one %s; send one value, not a list", i, d.Name, d.DataType)
	case multi:
		return nil
	}
	ok := true
	switch d.DataType {
	case fieldString, fieldURL:
		_, ok = v.(string)
	case fieldDatetime:
		s, isString := v.(string)
		if ok = isString; ok {
			_, err := time.Parse(time.RFC3339Nano, s)
			ok = err == nil
		}
	case fieldBoolean:
		_, ok = v.(bool)
	case fieldInteger:
		n, isNumber := v.(float64)
		ok = isNumber && n == math.Trunc(n)
	case fieldFloat:
		_, ok = v.(float64)
	}
	if !ok {
		return errInvalid("custom_fields[%d].value does not fit the field %q, which holds %s values", i, d.Name, d.DataType)
	}
	return nil
}

// validFieldName reports whether name is 1 to 50 lowercase ASCII letters,
// digits and underscores.
func validFieldName(name string) bool {
	if name == "" || len(name) > maxFieldNameLen {
		return false
	}
	for _, r := range name {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// clipText shortens a value quoted in an error.
func clipText(s string) string {
	const limit = 64
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit]) + "…"
}
