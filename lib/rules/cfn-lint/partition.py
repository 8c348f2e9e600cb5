"""Splits one cfn-lint run over several worker processes without changing what the union of their matches is.

cfn-lint spends most of a template's time validating each resource against its JSON schema (rule E3001 walking
`Resources`, under E1001) and in per-resource checks. Part k of n lints the same whole template, but:
- E3001's walk over `Resources` and the per-resource checks visit only the resources at positions i with i % n == k;
- template-wide checks (every rule's `matchall`) run in part 0 only; parts 1..n-1 run only E1001, on the template's
  `Resources` section alone, so no check outside the resource walk is done twice.
Each resource is still validated with the whole template as context (references, conditions, parameters), so the
union of the parts' matches equals cfn-lint's own matches on the template (tests compare them). Checks of the
Resources mapping as a whole (its size, its names) run in every part; the client drops the repeated matches.
`run` also skips per-resource calls to rules that do not list the resource's type, which cfn-lint's own wrapper
would end at once; it is installed for one part too, as a speed-up.
"""

import cfnlint.rules._rules as rules_module

_state = {"index": 0, "count": 1}


def _mine(position):
    return position % _state["count"] == _state["index"]


def _resources_of_part(resources):
    """The part's share of a Resources mapping, as the same node type (line marks kept) when it can be."""
    if not isinstance(resources, dict) or _state["count"] == 1:
        return resources
    share = {name: value for position, (name, value) in enumerate(resources.items()) if _mine(position)}
    try:
        return type(resources)(share, resources.start_mark, resources.end_mark)
    except (AttributeError, TypeError):
        return share


def _walk_part(original):
    def pattern_properties(validator, patterns, instance, schema):
        yield from original(validator, patterns, _resources_of_part(instance), schema)

    return pattern_properties


class _CfnView:
    """The template as E1001 sees it in parts after the first: only its Resources section, the rest of `cfn` as is."""

    def __init__(self, cfn):
        self._cfn = cfn
        self.template = type(cfn.template)(
            {"Resources": cfn.template["Resources"]}, cfn.template.start_mark, cfn.template.end_mark
        ) if hasattr(cfn.template, "start_mark") else {"Resources": cfn.template["Resources"]}

    def __getattr__(self, name):
        return getattr(self._cfn, name)


def run(self, filename, cfn, config):
    """cfnlint.rules._rules.Rules.run (1.58.0) for this process's part: the same checks in the same order, minus the
    other parts' share and the per-resource calls to rules that do not list the resource's type (cfn-lint's own
    wrapper returns at once for those)."""
    first = _state["index"] == 0
    if not first and not isinstance(cfn.template.get("Resources"), dict):
        return
    enabled = set()
    for rule_id, rule in self.data.items():
        rule.configure(config.configure_rules.get(rule_id, None), config.include_experimental)
        rule.initialize(cfn)
        if self.is_rule_enabled(rule_id, config):
            enabled.add(rule_id)
    for rule_id, rule in self.data.items():
        for key in rule.child_rules.keys():
            if key in self.data:
                rule.child_rules[key] = self.data.get(key)
        for parent_rule in rule.parent_rules:
            if parent_rule in self.data:
                self.data[parent_rule].child_rules[rule_id] = rule
    for rule_id, rule in self.data.items():
        if first:
            yield from self._filter_matches(
                enabled, self.run_check(rule.matchall, filename, rule_id, config, enabled, filename, cfn)
            )
        elif rule_id == "E1001":
            view = _CfnView(cfn)
            yield from self._filter_matches(
                enabled, self.run_check(rule.matchall, filename, rule_id, config, enabled, filename, view)
            )
    for position, (name, attributes) in enumerate(cfn.get_resources().items()):
        resource_type, properties = attributes.get("Type"), attributes.get("Properties")
        if not (_mine(position) and isinstance(resource_type, str) and isinstance(properties, dict)):
            continue
        path = ["Resources", name, "Properties"]
        for rule_id, rule in self.data.items():
            if resource_type in rule.resource_property_types:
                yield from self._filter_matches(
                    enabled,
                    self.run_check(
                        rule.matchall_resource_properties, filename, rule_id, config, enabled,
                        filename, cfn, properties, resource_type, path,
                    ),
                )


def install(runner, index, count):
    """Makes `runner` lint part `index` of `count` from now on (count 1: the whole template, as cfn-lint does)."""
    _state.update(index=index, count=count)
    rules_module.Rules.run = run
    if count == 1:
        return
    resources_rule = runner.rules.data.get("E3001")
    if resources_rule is not None and "patternProperties" in resources_rule.validators:
        resources_rule.validators["patternProperties"] = _walk_part(resources_rule.validators["patternProperties"])
