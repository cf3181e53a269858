// SPDX-License-Identifier: Apache-2.0

// Command goff_events is the end-to-end tests' oracle: given the body of a
// `POST /v1/data/collector` request, it prints the Kinesis record payloads that GO Feature
// Flag's relay proxy would export for it, one base64 string per line, in event order.
//
// It follows the collector rules of the GOFF relay proxy (spec §2.3, §2.4, §3.6), with Go's
// own encoding/json doing the encoding, so struct field order, omitempty, sorted map keys,
// HTML-safe escaping and float formatting come out exactly as Go writes them:
//
//   - the body is decoded like echo's binder does it (one JSON value, json.Decoder, numbers
//     become float64); an empty body or a missing/null "events" is a 400;
//   - an event whose "kind" is exactly "tracking" goes through a JSON round trip into a
//     TrackingEvent (a non-integer creationDate makes that fail: the event is skipped);
//   - any other event is decoded field by field the way mapstructure.Decode does it: the key
//     equal to the Go field name, else a key equal ignoring case; strict types (a string
//     field takes only strings, Default only booleans, CreationDate any number truncated
//     toward zero), null leaves the zero value; an empty Source becomes "PROVIDER_CACHE"; a
//     non-null request "meta" replaces the event's metadata;
//   - creationDate above 9999999999 is taken as milliseconds: its first 10 decimal digits.
//
// Usage:
//
//	go run goff_events.go [-text] [BODY_FILE ...]   (no file: the body is read from stdin)
//
// -text prints the JSON payloads themselves instead of base64 (they never contain a newline).
// -kinds starts each line with "feature " or "tracking ": the exporters (eventType) it goes to.
// Skipped events are reported on stderr as "skipped event N: reason". A body the relay must
// answer with 400 makes the command print "400 <message>" on stderr and exit with status 3.
// The standard library only; written for these tests, not taken from GOFF.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// featureEvent mirrors GOFF's exporter.FeatureEvent: field order and tags are the wire shape.
type featureEvent struct {
	Kind         string         `json:"kind"`
	ContextKind  string         `json:"contextKind,omitempty"`
	UserKey      string         `json:"userKey"`
	CreationDate int64          `json:"creationDate"`
	Key          string         `json:"key"`
	Variation    string         `json:"variation"`
	Value        any            `json:"value"`
	Default      bool           `json:"default"`
	Version      string         `json:"version"`
	Source       string         `json:"source"`
	Metadata     map[string]any `json:"metadata,omitempty"`
}

// trackingEvent mirrors GOFF's exporter.TrackingEvent.
type trackingEvent struct {
	Kind                 string         `json:"kind"`
	ContextKind          string         `json:"contextKind,omitempty"`
	UserKey              string         `json:"userKey"`
	CreationDate         int64          `json:"creationDate"`
	Key                  string         `json:"key"`
	EvaluationContext    map[string]any `json:"evaluationContext"`
	TrackingEventDetails map[string]any `json:"trackingEventDetails"`
}

// collectorRequest is the request body of /v1/data/collector.
type collectorRequest struct {
	Meta   map[string]any   `json:"meta"`
	Events []map[string]any `json:"events"`
}

// badRequest is an error the relay answers with HTTP 400.
type badRequest struct{ message string }

func (e badRequest) Error() string { return e.message }

func decodeRequest(body []byte) (collectorRequest, error) {
	var request collectorRequest
	if len(body) == 0 {
		return request, badRequest{"collectEvalData: invalid input data"}
	}
	// Like echo: only the first JSON value is read, whatever follows it is ignored.
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&request); err != nil {
		return request, badRequest{fmt.Sprintf("collectEvalData: invalid input data %v", err)}
	}
	if request.Events == nil {
		return request, badRequest{"collectEvalData: invalid input data"}
	}
	return request, nil
}

// secondsFromMillis keeps the first 10 decimal digits of a creationDate above 9999999999.
func secondsFromMillis(date int64) int64 {
	if date <= 9999999999 {
		return date
	}
	seconds, err := strconv.ParseInt(strconv.FormatInt(date, 10)[:10], 10, 64)
	if err != nil {
		return date
	}
	return seconds
}

// fieldValue finds the value mapstructure would use for a struct field: the key spelled like
// the field, else a key equal to it ignoring case (sorted, to be deterministic where
// mapstructure's pick among several such keys depends on map order).
func fieldValue(event map[string]any, field string) any {
	if value, ok := event[field]; ok {
		return value
	}
	keys := make([]string, 0, len(event))
	for key := range event {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if strings.EqualFold(key, field) {
			return event[key]
		}
	}
	return nil
}

type fieldDecoder struct {
	event  map[string]any
	errors []string
}

func (d *fieldDecoder) fail(field string, value any, want string) {
	d.errors = append(d.errors, fmt.Sprintf("'%s' expected type '%s', got %T", field, want, value))
}

func (d *fieldDecoder) string(field string) string {
	switch value := fieldValue(d.event, field).(type) {
	case nil:
		return ""
	case string:
		return value
	default:
		d.fail(field, value, "string")
		return ""
	}
}

func (d *fieldDecoder) int64(field string) int64 {
	switch value := fieldValue(d.event, field).(type) {
	case nil:
		return 0
	case float64:
		return int64(value)
	default:
		d.fail(field, value, "int64")
		return 0
	}
}

func (d *fieldDecoder) bool(field string) bool {
	switch value := fieldValue(d.event, field).(type) {
	case nil:
		return false
	case bool:
		return value
	default:
		d.fail(field, value, "bool")
		return false
	}
}

func (d *fieldDecoder) object(field string) map[string]any {
	switch value := fieldValue(d.event, field).(type) {
	case nil:
		return nil
	case map[string]any:
		return value
	default:
		d.fail(field, value, "map[string]interface {}")
		return nil
	}
}

func featureRecord(event map[string]any, meta map[string]any) ([]byte, error) {
	decoder := fieldDecoder{event: event}
	feature := featureEvent{
		Kind:         decoder.string("Kind"),
		ContextKind:  decoder.string("ContextKind"),
		UserKey:      decoder.string("UserKey"),
		CreationDate: decoder.int64("CreationDate"),
		Key:          decoder.string("Key"),
		Variation:    decoder.string("Variation"),
		Value:        fieldValue(event, "Value"),
		Default:      decoder.bool("Default"),
		Version:      decoder.string("Version"),
		Source:       decoder.string("Source"),
		Metadata:     decoder.object("Metadata"),
	}
	if len(decoder.errors) > 0 {
		return nil, errors.New(strings.Join(decoder.errors, "; "))
	}
	if feature.Source == "" {
		feature.Source = "PROVIDER_CACHE"
	}
	if meta != nil {
		feature.Metadata = meta
	}
	feature.CreationDate = secondsFromMillis(feature.CreationDate)
	return json.Marshal(feature)
}

func trackingRecord(event map[string]any) ([]byte, error) {
	encoded, err := json.Marshal(event)
	if err != nil {
		return nil, err
	}
	var tracking trackingEvent
	if err := json.Unmarshal(encoded, &tracking); err != nil {
		return nil, err
	}
	tracking.CreationDate = secondsFromMillis(tracking.CreationDate)
	return json.Marshal(tracking)
}

// record is one expected Kinesis record and the event type of the exporters it goes to.
type record struct {
	eventType string
	payload   []byte
}

// records returns the records for one request body, and the reasons events were skipped.
func records(body []byte) ([]record, []string, error) {
	request, err := decodeRequest(body)
	if err != nil {
		return nil, nil, err
	}
	var out []record
	var skipped []string
	for index, event := range request.Events {
		var payload []byte
		eventType := "feature"
		if kind, _ := event["kind"].(string); kind == "tracking" {
			eventType = "tracking"
			payload, err = trackingRecord(event)
		} else {
			payload, err = featureRecord(event, request.Meta)
		}
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("skipped event %d: %v", index, err))
			continue
		}
		out = append(out, record{eventType, payload})
	}
	return out, skipped, nil
}

func main() {
	text := flag.Bool("text", false, "print JSON payloads instead of base64")
	kinds := flag.Bool("kinds", false, "start each line with the event type: feature or tracking")
	flag.Parse()
	var bodies [][]byte
	if flag.NArg() == 0 {
		body, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bodies = append(bodies, body)
	}
	for _, path := range flag.Args() {
		body, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bodies = append(bodies, body)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, body := range bodies {
		expected, skipped, err := records(body)
		var rejected badRequest
		if errors.As(err, &rejected) {
			out.Flush()
			fmt.Fprintf(os.Stderr, "400 %s\n", rejected.message)
			os.Exit(3)
		}
		for _, reason := range skipped {
			fmt.Fprintln(os.Stderr, reason)
		}
		for _, r := range expected {
			if *kinds {
				out.WriteString(r.eventType + " ")
			}
			if *text {
				out.Write(r.payload)
			} else {
				out.WriteString(base64.StdEncoding.EncodeToString(r.payload))
			}
			out.WriteByte('\n')
		}
	}
}
