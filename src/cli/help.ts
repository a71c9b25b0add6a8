/** Usage text in both languages. */
export const HELP = {
  ja: `kasuhara-press — カスタマー・ハラスメント対策の基本方針・ポスターを PDF にします

使い方:
  kasuhara-press build [オプション]     content/ の各団体の製品をすべて output/ に作成
  kasuhara-press --help                この説明

オプション:
  --content DIR   このフォルダ（organisation.yaml などがある）だけを作成（複数指定可）
  --out DIR       出力先（既定: output）。DIR/<団体フォルダ名>/ に書き出します
  --product ID    この製品だけを作成（例: poster, policy。複数指定可）
  --lang ja|en    メッセージの言語（既定: ロケール。不明なら日本語）
  --json          作成したファイルの一覧を JSON で出力

終了コード: 0 成功 / 1 入力の誤り（メッセージを参照）/ 2 内部エラー
`,
  en: `kasuhara-press — customer-harassment policy posters and documents as PDF

Usage:
  kasuhara-press build [options]      build every product of every organisation in content/ into output/
  kasuhara-press --help               this text

Options:
  --content DIR   build only this folder (the one holding organisation.yaml); repeatable
  --out DIR       output folder (default: output); files go to DIR/<organisation folder>/
  --product ID    build only this product (e.g. poster, policy); repeatable
  --lang ja|en    message language (default: from the locale, Japanese if unknown)
  --json          print the list of written files as JSON

Exit codes: 0 success / 1 bad input (see the messages) / 2 internal error
`,
} as const;
