import { createContext } from 'svelte';

/** View options of the map that other parts (the PDF export) also read. */
export class MapState {
  hiddenGroups = $state.raw<ReadonlySet<string>>(new Set());
  showRelated = $state(false);
  showPath = $state(false);
  onlyLeft = $state(false);

  toggleGroup(group: string) {
    const next = new Set(this.hiddenGroups);
    if (!next.delete(group)) next.add(group);
    this.hiddenGroups = next;
  }
}

export const [getMapState, setMapState] = createContext<MapState>();
