import * as assert from 'node:assert/strict';
import type { ConfigModel, Section } from '../../server/src/service';
import { dropKeys } from './parseShape';

/**
 * A model as plain data for deep comparison: sections by value, each placement by the id of the
 * section it names (so a patched model and a rebuilt one compare field by field). It also
 * checks what a deep comparison cannot see: every placement names one of the model's own
 * section objects, and each section's entries are placed in that very section.
 */
export function modelShape(model: ConfigModel): unknown {
  const sections: Section[] = [model.global, model.defaultListener, ...model.listeners, ...model.bridges];
  const own = new Set(sections);
  for (const d of model.order) {
    const target = model.placements.get(d)?.target;
    if (target !== undefined && !own.has(target)) {
      assert.fail(`placement of directive ${model.order.indexOf(d)} names a section that is not the model's`);
    }
  }
  for (const section of sections) {
    for (const d of section.entries) {
      if (model.placements.get(d)?.target !== section) {
        assert.fail(`directive ${model.order.indexOf(d)} is in ${section.id} but placed elsewhere`);
      }
    }
  }
  // Line objects without their sort keys: an edit's new lines get keys a fresh parse does not.
  return dropKeys({
    settings: model.settings,
    files: model.files,
    order: model.order,
    sections,
    placements: model.order.map((d) => {
      const placement = model.placements.get(d);
      return placement && { ...placement, target: placement.target?.id };
    }),
    placementCount: model.placements.size,
    // Iteration: reading order, each directive once (a patched model's map iterates as a built one).
    iterated: (() => {
      const index = new Map(model.order.map((d, i) => [d, i]));
      return [...model.placements].map(([d, placement]) => [index.get(d), placement.kind, placement.target?.id]);
    })(),
    lookups: model.order.every((d) => model.placements.has(d)),
    includes: model.includes,
    includedBy: [...model.includedBy],
    perListenerSettings: model.perListenerSettings,
    fragment: model.fragment,
  });
}

/** Whether `next` was patched from `previous` (it shares the include lists) rather than built afresh. */
export function patchedFrom(previous: ConfigModel, next: ConfigModel): boolean {
  return next.includedBy === previous.includedBy;
}
