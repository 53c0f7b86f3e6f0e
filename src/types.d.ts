/**
 * Minimal types for WordPress packages used through their script handles
 * (externals) whose npm types are not installed.
 */
declare module '@wordpress/editor' {
	import type { ComponentType, ReactNode } from 'react';
	export const PluginDocumentSettingPanel: ComponentType< {
		name: string;
		title: string;
		className?: string;
		children?: ReactNode;
	} >;
}

declare module '*.json' {
	const value: Record< string, unknown >;
	export default value;
}

declare module '@wordpress/block-editor' {
	import type { ComponentType, ReactNode } from 'react';
	export function useBlockProps(
		props?: Record< string, unknown >
	): Record< string, unknown >;
	export const InspectorControls: ComponentType< { children?: ReactNode } >;
	export const RichText: ComponentType< {
		tagName: string;
		className?: string;
		value: string;
		placeholder?: string;
		allowedFormats?: string[];
		withoutInteractiveFormatting?: boolean;
		'aria-label'?: string;
		onChange: ( value: string ) => void;
	} >;
}

declare module '@wordpress/blocks' {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	export interface BlockConfiguration< A = Record< string, unknown > > {
		name: string;
		[ key: string ]: unknown;
	}
	export function registerBlockType< A >(
		metadata: BlockConfiguration< A >,
		settings: Partial< BlockConfiguration< A > >
	): unknown;
}
