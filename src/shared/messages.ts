/**
 * The settings' error messages. They are written once, in PHP
 * (plugin/includes/settings/), translated there, and printed for every
 * script that validates (the settings screen, the block, the post-editor
 * panel) as `window.ccfmSettingsMessages`.
 */
import type { SettingName } from './settings-schema.generated';
import { isValidSetting } from './validate';

declare global {
	interface Window {
		ccfmSettingsMessages?: Partial< Record< SettingName, string > >;
	}
}

/**
 * The translated message of a field whose value breaks its rule.
 *
 * @param name The field.
 */
export function settingMessage( name: SettingName ): string {
	return window.ccfmSettingsMessages?.[ name ] ?? name;
}

/**
 * Null when the value keeps the field's rules, otherwise the field's
 * translated message.
 *
 * @param name  The field.
 * @param value Candidate value.
 */
export function settingError(
	name: SettingName,
	value: unknown
): string | null {
	return isValidSetting( name, value ) ? null : settingMessage( name );
}
