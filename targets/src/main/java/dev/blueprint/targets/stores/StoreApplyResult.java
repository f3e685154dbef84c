package dev.blueprint.targets.stores;

import java.util.List;

/**
 * What one apply did.
 *
 * @param created the objects this run created, in creation order; the engagement records them and
 *     hands them to {@link StoreTarget#dropCreated} in its compensation
 * @param existing how many of the blueprint's objects were there already
 */
public record StoreApplyResult(List<StoreObject> created, int existing) {

  public StoreApplyResult {
    created = List.copyOf(created);
  }
}
