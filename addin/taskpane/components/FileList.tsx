/** Files an action produced, each with its save button (and one for all); how a file is saved is the host's. */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FileOut } from '../../app/files';
import { useLang } from '../lang';
import type { SaveFile } from '../save-file';
import { failureOf } from '../use-operation';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function FileList({ files, saveFile }: { files: readonly FileOut[]; saveFile: SaveFile }) {
  const { lang, t } = useLang();
  const own = useStyles();
  const [failed, setFailed] = useState<string>();
  const save = async (list: readonly FileOut[]) => {
    setFailed(undefined);
    for (const file of list) {
      try {
        await saveFile(file);
      } catch (error) {
        const failure = failureOf(error);
        const why = failure === 'cancelled' ? t('progress.cancelled') : failure.text[lang];
        setFailed(t('file.failed', { name: file.name, why }));
        return;
      }
    }
  };
  return (
    <div>
      {files.length > 1 && (
        <Button onClick={() => void save(files)}>{t('file.saveAll', { count: files.length })}</Button>
      )}
      <ul className={own.list}>
        {files.map((file) => (
          <li key={file.name} className={own.item}>
            <Button size="small" onClick={() => void save([file])}>
              {t('file.save', { name: file.name })}
            </Button>
            {file.unit && <Text>{file.unit}</Text>}
          </li>
        ))}
      </ul>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
