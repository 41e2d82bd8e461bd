import { onMount } from 'svelte';
import { onPrint } from './page-width';

/**
 * Whether the page is printing, for a component that draws differently on paper (a lower chart).
 * Call while the component initialises.
 */
export function printing(): { readonly on: boolean } {
	let on = $state(false);
	onMount(() => onPrint((p) => (on = p)));
	return {
		get on() {
			return on;
		}
	};
}
