import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../core/events/event-schema";
import { EXPERIMENT_STATUSES, EXPERIMENT_UNITS } from "../core/experiments/experiment-config";
import { RULE_ACTIONS } from "../core/rules/merch-rule";
import { LIFECYCLES } from "../core/types";
import { events, experiments, merchRules, products } from "./schema";

describe("the D1 schema", () => {
  it("stores the values core validates: event types, lifecycles, rule actions, experiment units and statuses", () => {
    expect(events.type.enumValues).toEqual([...EVENT_TYPES]);
    expect(products.lifecycle.enumValues).toEqual([...LIFECYCLES]);
    expect(merchRules.action.enumValues).toEqual([...RULE_ACTIONS]);
    expect(experiments.unit.enumValues).toEqual([...EXPERIMENT_UNITS]);
    expect(experiments.status.enumValues).toEqual([...EXPERIMENT_STATUSES]);
  });
});
