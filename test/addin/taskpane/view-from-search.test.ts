// The basic manifest's buttons open the pane at taskpane.html?view=…: the pane starts on that view.
import { describe, expect, it } from 'vitest';
import { viewFromSearch } from '../../../addin/taskpane/incoming';

describe('viewFromSearch', () => {
  it('takes a known view from the address and ignores anything else', () => {
    expect(viewFromSearch('?view=check')).toEqual({ view: 'check' });
    expect(viewFromSearch('?_host_Info=Excel&view=awards')).toEqual({ view: 'awards' });
    expect(viewFromSearch('?view=rotation')).toEqual({ view: 'rotation' });
    expect(viewFromSearch('?view=<script>')).toBeUndefined();
    expect(viewFromSearch('?view=toString')).toBeUndefined();
    expect(viewFromSearch('')).toBeUndefined();
  });
});
