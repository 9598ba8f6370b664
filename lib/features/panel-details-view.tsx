// The panel's details as a view module of their own (panel-details-ui.js): the panel's view fetches it the
// first time a user opens the details. It draws with its own Preact into the slot the panel gives it.
import { render } from 'preact';
import { PanelDetails, type PanelDetailsProps } from '../../components/panel/PanelDetails';

export function renderDetails(slot: HTMLElement, props: PanelDetailsProps): void {
  render(<PanelDetails {...props} />, slot);
}

export function removeDetails(slot: HTMLElement): void {
  render(null, slot);
}
