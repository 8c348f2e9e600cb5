"""Makes cfn-lint faster in a long-lived process without changing what it reports (lib/rules/cfn-lint/worker.py).

Profiling the worker on a 40-resource template showed two costs that repeat for every template and give the same
answer each time:
- `cfnlint.jsonschema.validators.create` builds a new dataclass (exec of generated __init__, __eq__, ...) each time a
  rule extends its validator: hundreds of classes per template, from about ten distinct argument sets;
- `Validator.evolve` and `Context.evolve` call `dataclasses.fields(cls)` on every step into a schema or a value
  (tens of thousands of calls per template), although a class's fields never change.
`install()` memoizes both. A class made by `create` depends only on its arguments (validators, the function filter's
settings, resolvers), so an equal set of arguments may share one class. Checked by tests that compare the matches
with and without the speed-ups.
"""

import dataclasses
import weakref

import cfnlint.context.context as context_module
import cfnlint.jsonschema.validators as validators_module

_original_create = validators_module.create
_classes = {}
_fields = weakref.WeakKeyDictionary()


def _settings(function_filter):
    """The function filter's settings as a hashable value (the filter is a mutable dataclass, equal by value)."""
    if function_filter is None:
        return None
    values = (getattr(function_filter, f.name) for f in dataclasses.fields(function_filter))
    return (type(function_filter),) + tuple(tuple(v) if isinstance(v, list) else v for v in values)


def create(validators=None, function_filter=None, fn_resolvers=None):
    try:
        key = (
            tuple(sorted((validators or {}).items())),
            _settings(function_filter),
            tuple(sorted((fn_resolvers or {}).items())),
        )
        cls = _classes.get(key)
    except TypeError:  # an unhashable validator: no sharing
        return _original_create(validators, function_filter, fn_resolvers)
    if cls is None:
        cls = _classes[key] = _original_create(validators, function_filter, fn_resolvers)
    return cls


def fields(class_or_instance):
    cls = class_or_instance if isinstance(class_or_instance, type) else type(class_or_instance)
    known = _fields.get(cls)
    if known is None:
        known = _fields[cls] = dataclasses.fields(cls)
    return known


def install():
    validators_module.create = create
    validators_module.fields = fields
    context_module.fields = fields
