/** Set when the app is built as an LMS package (`npm run package`): the standard it speaks. */
interface ImportMetaEnv {
  readonly VITE_LTC_PACKAGE?: 'scorm12' | 'scorm2004' | 'cmi5';
}
